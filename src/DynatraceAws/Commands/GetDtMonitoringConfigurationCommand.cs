using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Lists the da-aws monitoring configurations, or those of an account, a connection or an id.</summary>
    [Cmdlet(VerbsCommon.Get, "DtMonitoringConfiguration")]
    [OutputType(typeof(MonitoringConfiguration))]
    public sealed class GetDtMonitoringConfigurationCommand : DtEnvironmentCmdlet
    {
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string? AccountId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConfigurationIdCompleter))]
        public string? ConfigurationId { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public string? ConnectionId { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new MonitoringConfigurationFilter { ConfigurationId = ConfigurationId, AccountId = AccountId, ConnectionId = ConnectionId };
            if (TryRun(ct =>
                    {
                        InputRules.NotAllBlank("monitoring configuration",
                            (nameof(AccountId), AccountId), (nameof(ConfigurationId), ConfigurationId), (nameof(ConnectionId), ConnectionId));
                        return new MonitoringConfigurations(Environment, Log).ListAsync(filter, ct);
                    }, ConfigurationId ?? AccountId ?? ConnectionId, out var configurations))
                WriteObject(configurations, enumerateCollection: true);
        }
    }
}

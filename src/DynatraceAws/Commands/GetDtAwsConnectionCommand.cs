using System.Linq;
using System.Management.Automation;
using DynatraceAws.Commands.Completion;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands
{
    /// <summary>Lists the AWS connections of the environment, or those with a name, an id or an account.</summary>
    [Cmdlet(VerbsCommon.Get, "DtAwsConnection")]
    [OutputType(typeof(AwsConnection))]
    public sealed class GetDtAwsConnectionCommand : DtEnvironmentCmdlet
    {
        /// <summary>Matched without regard to case; wildcards allowed.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("ConnectionName")]
        [SupportsWildcards]
        [ArgumentCompleter(typeof(ConnectionNameCompleter))]
        public string? Name { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(ConnectionIdCompleter))]
        public string? ConnectionId { get; set; }

        /// <summary>
        /// The account of the connection's role ARN. Not bound from the pipeline: a connection whose role
        /// ARN is not set yet has no account, so a piped configuration would not find its own connection.
        /// </summary>
        [Parameter]
        [ArgumentCompleter(typeof(AccountIdCompleter))]
        public string? AccountId { get; set; }

        protected override void ProcessRecord()
        {
            var filter = new AwsConnectionFilter { ConnectionId = ConnectionId, AccountId = AccountId };
            if (!TryRun(ct =>
                {
                    InputRules.NotAllBlank("connection", (nameof(Name), Name), (nameof(ConnectionId), ConnectionId), (nameof(AccountId), AccountId));
                    return new AwsConnections(Environment, Log).ListAsync(filter, ct);
                }, ConnectionId ?? Name ?? AccountId, out var connections))
                return;

            var name = new WildcardPattern(string.IsNullOrEmpty(Name) ? "*" : Name, WildcardOptions.IgnoreCase);
            var matching = connections.Where(c => name.IsMatch(c.ConnectionName)).ToArray();
            if (matching.Length == 0 && !string.IsNullOrEmpty(Name) && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorRecords.From(NotFound.Connection($"is named '{Name}'", Environment), Name));
            WriteObject(matching, enumerateCollection: true);
        }
    }
}

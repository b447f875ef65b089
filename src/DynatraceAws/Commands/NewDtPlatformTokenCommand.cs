using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Mints a platform token for a service user; its secret comes back once, as a SecureString.</summary>
    [Cmdlet(VerbsCommon.New, "DtPlatformToken", SupportsShouldProcess = true)]
    [OutputType(typeof(NewPlatformToken))]
    public sealed class NewDtPlatformTokenCommand : DtAccountCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = "";

        [Parameter(Mandatory = true)]
        [ValidateNotNullOrEmpty]
        public string[] Scope { get; set; } = new string[0];

        /// <summary>The service user's UUID, name or email; a piped service user binds its Uid.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Uid")]
        [ValidateNotNullOrEmpty]
        public string ServiceUser { get; set; } = "";

        [Parameter]
        public DateTime ExpirationDate { get; set; } = DateTime.UtcNow.AddDays(90);

        /// <summary>The environments the token is valid in; the whole account when omitted.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] EnvironmentId { get; set; } = new string[0];

        protected override void ProcessRecord()
        {
            var tokens = new PlatformTokens(Account, Log);
            PlanAndApply(ct => tokens.PlanCreateAsync(Name, Scope, EnvironmentId, new DateTimeOffset(ExpirationDate.ToUniversalTime()), ServiceUser, ct),
                Name, WriteObject);
        }
    }
}

using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Lists the account's platform tokens by name, with wildcards; never their secrets.</summary>
    [Cmdlet(VerbsCommon.Get, "DtPlatformToken")]
    [OutputType(typeof(PlatformToken))]
    public sealed class GetDtPlatformTokenCommand : DtAccountCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string Name { get; set; } = "*";

        protected override void ProcessRecord()
        {
            var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            if (TryRun(ct => new PlatformTokens(Account, Log).ListAsync(ct), Name, out var tokens))
                WriteObject(tokens.Where(t => pattern.IsMatch(t.Name)), true);
        }
    }
}

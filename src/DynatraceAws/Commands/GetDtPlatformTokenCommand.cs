using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Lists the account's platform tokens by name, with wildcards; never their secrets.</summary>
    [Cmdlet(VerbsCommon.Get, "DtPlatformToken")]
    [OutputType(typeof(PlatformToken))]
    public sealed class GetDtPlatformTokenCommand : DtAccountItemsCmdlet
    {
        private protected override string Items => "platform token";

        private protected override async Task<IReadOnlyList<object>> ListAsync(CancellationToken ct) => await new PlatformTokens(Account, Log).ListAsync(ct).ConfigureAwait(false);

        private protected override string NameOf(object item) => ((PlatformToken)item).Name;
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Gets the account's user groups by name, with wildcards.</summary>
    [Cmdlet(VerbsCommon.Get, "DtIamGroup")]
    [OutputType(typeof(IamGroup))]
    public sealed class GetDtIamGroupCommand : DtAccountItemsCmdlet
    {
        private protected override string Items => "group";

        private protected override async Task<IReadOnlyList<object>> ListAsync(CancellationToken ct) => await new IamGroups(Account, Log).ListAsync(ct).ConfigureAwait(false);

        private protected override string NameOf(object item) => ((IamGroup)item).Name;

        private protected override Exception NotFound(string name) => IamReferences.GroupNotFound(name);
    }
}

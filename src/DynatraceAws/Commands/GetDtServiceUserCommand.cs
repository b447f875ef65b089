using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Commands
{
    /// <summary>Gets the account's service users by name, with wildcards.</summary>
    [Cmdlet(VerbsCommon.Get, "DtServiceUser")]
    [OutputType(typeof(ServiceUser))]
    public sealed class GetDtServiceUserCommand : DtAccountItemsCmdlet
    {
        private protected override string Items => "service user";

        private protected override async Task<IReadOnlyList<object>> ListAsync(CancellationToken ct) => await new ServiceUsers(Account, Log).ListAsync(ct).ConfigureAwait(false);

        private protected override string NameOf(object item) => ((ServiceUser)item).Name;

        private protected override Exception NotFound(string name) => new DynatraceAwsException("ServiceUserNotFound", FailureCategory.ObjectNotFound,
            $"The account has no service user '{name}'.", "Create it with New-DtServiceUser.");
    }
}

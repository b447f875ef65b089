using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Commands
{
    /// <summary>Gets the account's service users by name, with wildcards.</summary>
    [Cmdlet(VerbsCommon.Get, "DtServiceUser")]
    [OutputType(typeof(ServiceUser))]
    public sealed class GetDtServiceUserCommand : DtAccountCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string Name { get; set; } = "*";

        protected override void ProcessRecord()
        {
            var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            if (!TryRun(ct => new ServiceUsers(Account, Log).ListAsync(ct), Name, out var users)) return;
            var matches = users.Where(u => pattern.IsMatch(u.Name)).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorRecords.From(new DynatraceAwsException("ServiceUserNotFound", FailureCategory.ObjectNotFound,
                    $"The account has no service user '{Name}'.", "Create it with New-DtServiceUser."), Name));
            WriteObject(matches, true);
        }
    }
}

using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Gets the account's user groups by name, with wildcards.</summary>
    [Cmdlet(VerbsCommon.Get, "DtIamGroup")]
    [OutputType(typeof(IamGroup))]
    public sealed class GetDtIamGroupCommand : DtAccountCmdlet
    {
        [Parameter(Position = 0)]
        [SupportsWildcards]
        public string Name { get; set; } = "*";

        protected override void ProcessRecord()
        {
            var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            if (!TryRun(ct => new IamGroups(Account, Log).ListAsync(ct), Name, out var groups)) return;
            var matches = groups.Where(g => pattern.IsMatch(g.Name)).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorRecords.From(IamReferences.GroupNotFound(Name), Name));
            WriteObject(matches, true);
        }
    }
}

using System.Linq;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Gets IAM policies usable at a level (its own, inherited and global ones) by name, or one by UUID, with their statements.</summary>
    [Cmdlet(VerbsCommon.Get, "DtIamPolicy", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(IamPolicy))]
    public sealed class GetDtIamPolicyCommand : DtPolicyLevelCmdlet
    {
        private const string ByNameSet = "ByName";
        private const string ByUuidSet = "ByUuid";

        [Parameter(Position = 0, ParameterSetName = ByNameSet)]
        [SupportsWildcards]
        public string Name { get; set; } = "*";

        [Parameter(Mandatory = true, ParameterSetName = ByUuidSet, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [Alias("Uuid")]
        public string PolicyUuid { get; set; } = "";

        protected override void ProcessRecord()
        {
            if (!TryGetLevel(Name, out var level)) return;
            var policies = new IamPolicies(Account, Log);
            if (ParameterSetName == ByUuidSet)
            {
                if (TryRun(ct => policies.GetAsync(level, PolicyUuid, ct), PolicyUuid, out var policy))
                {
                    if (policy is null) WriteError(ErrorRecords.From(PolicyErrors.NotFound(PolicyUuid, level), PolicyUuid));
                    else WriteObject(policy);
                }
                return;
            }
            var pattern = new WildcardPattern(Name, WildcardOptions.IgnoreCase);
            if (!TryRun(ct => policies.ListAllAsync(level, ct), Name, out var all)) return;
            var matches = all.Where(p => pattern.IsMatch(p.Name)).ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(Name))
                WriteError(ErrorRecords.From(PolicyErrors.NotFoundByName(Name, level), Name));
            foreach (var overview in matches)
            {
                if (TryRun(ct => policies.GetAsync(PolicyLevel.Of(overview), overview.Uuid, ct), overview.Name, out var policy))
                    WriteObject(policy ?? overview);
            }
        }
    }
}

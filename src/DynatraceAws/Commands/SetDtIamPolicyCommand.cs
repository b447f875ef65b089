using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>Changes the name, description or statement of an IAM policy; what is not given stays.</summary>
    [Cmdlet(VerbsCommon.Set, "DtIamPolicy", SupportsShouldProcess = true)]
    [OutputType(typeof(IamPolicy))]
    public sealed class SetDtIamPolicyCommand : DtPolicyLevelCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Uuid { get; set; } = "";

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Name { get; set; }

        [Parameter]
        public string? Description { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatementQuery { get; set; }

        protected override void ProcessRecord()
        {
            if (!TryGetLevel(Uuid, out var level)) return;
            var policies = new IamPolicies(Account, Log);
            if (!TryRun(ct => policies.GetAsync(level, Uuid, ct), Uuid, out var current)) return;
            if (current is null)
            {
                WriteError(ErrorRecords.From(PolicyErrors.NotFound(Uuid, level), Uuid));
                return;
            }
            if (!ShouldProcess($"IAM policy '{current.Name}' ({Uuid}) at {level}", "Update")) return;
            if (TryRun(ct => policies.UpdateAsync(level, Uuid, Name ?? current.Name, Description ?? current.Description,
                    StatementQuery ?? current.StatementQuery ?? "", ct), Uuid, out var updated))
                WriteObject(updated);
        }
    }
}

using System.Management.Automation;
using DynatraceAws.Core.Aws.Organizations;

namespace DynatraceAws.Commands
{
    /// <summary>Lists the member accounts of the AWS organization, with the OU path each sits under, ready to pipe into Register-DtAwsAccount.</summary>
    [Cmdlet(VerbsCommon.Get, "DtAwsOrganizationAccount")]
    [OutputType(typeof(OrganizationAccount))]
    public sealed class GetDtAwsOrganizationAccountCommand : DtAwsOrganizationCmdlet
    {
        protected override void ProcessRecord()
        {
            var query = Query();
            WriteVerbose($"Listing the {string.Join(", ", query.Status)} accounts of {ScopeText}.");
            var aws = AwsOptions();
            if (!TryRun(ct => new OrganizationAccounts(OrganizationsClient.Open(aws, Log, null), Log).ListAsync(query, ct),
                    OrganizationalUnitId, out var accounts))
                return;
            foreach (var account in accounts) WriteObject(account);
        }
    }
}

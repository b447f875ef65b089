using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Dynatrace.Account
{
    public static class PolicyErrors
    {
        public static DynatraceAwsException NotFound(string uuid, PolicyLevel level) => new DynatraceAwsException("PolicyNotFound",
            FailureCategory.ObjectNotFound, $"There is no IAM policy {uuid} at {level}.", "List the policies with Get-DtIamPolicy.");

        public static DynatraceAwsException NotFoundByName(string name, PolicyLevel level) => new DynatraceAwsException("PolicyNotFound",
            FailureCategory.ObjectNotFound, $"There is no IAM policy named '{name}' at {level}.", "List the policies with Get-DtIamPolicy.");

        public static InvalidInputException NotNamed() => new InvalidInputException("MissingPolicyUuidOrName", "Uuid", null,
            "and Name are both empty", "Name the policy with -Uuid, or with -Name for the level's own policy of that name (a Uuid or Name column).");
    }
}

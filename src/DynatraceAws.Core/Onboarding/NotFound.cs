using System;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The failure for an AWS connection or a monitoring configuration that does not exist: one ErrorId and one fix each.</summary>
    public static class NotFound
    {
        /// <param name="which">How it was asked for, completing "No AWS connection ...", such as "has the id 'x'".</param>
        public static DynatraceAwsException Connection(string which, DynatraceEnvironment environment, Exception? inner = null) =>
            new DynatraceAwsException("ConnectionNotFound", FailureCategory.ObjectNotFound,
                $"No AWS connection {which} in {environment.EnvironmentUrl}.",
                "Check the value: Get-DtAwsConnection lists the connections, New-DtAwsConnection creates one.", inner);

        /// <param name="which">How it was asked for, completing "No monitoring configuration ...", such as "has the id 'x'".</param>
        public static DynatraceAwsException Configuration(string which, DynatraceEnvironment environment, Exception? inner = null) =>
            new DynatraceAwsException("ConfigurationNotFound", FailureCategory.ObjectNotFound,
                $"No monitoring configuration {which} in {environment.EnvironmentUrl}.",
                "Check the value: Get-DtMonitoringConfiguration lists the configurations, New-DtMonitoringConfiguration creates one.", inner);
    }
}

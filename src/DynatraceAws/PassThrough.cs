using System.Management.Automation;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Input columns a cmdlet does not use itself but a later cmdlet of the pipeline needs (such as
    /// Region on the way to New-DtMonitoringConfiguration) ride along as note properties.
    /// </summary>
    internal static class PassThrough
    {
        public static object With(object output, string name, object? value)
        {
            if (value is null) return output;
            var wrapped = PSObject.AsPSObject(output);
            if (wrapped.Properties[name] is null) wrapped.Properties.Add(new PSNoteProperty(name, value));
            return wrapped;
        }

        /// <summary>The columns of a CSV row that only New-DtMonitoringConfiguration, at the end of the chain, reads; lists as text for Export-Csv.</summary>
        public static object WithConfigurationColumns(object output, IConfigurationColumns columns)
        {
            output = With(output, nameof(columns.Region), List(columns.Region));
            output = With(output, nameof(columns.FeatureSet), List(columns.FeatureSet));
            output = With(output, nameof(columns.Description), string.IsNullOrWhiteSpace(columns.Description) ? null : columns.Description);
            return With(output, nameof(columns.DeploymentRegion), string.IsNullOrWhiteSpace(columns.DeploymentRegion) ? null : columns.DeploymentRegion);
        }

        private static ReportList<string>? List(string[]? values) =>
            InputRules.SplitList(values) is { Count: > 0 } list ? new ReportList<string>(list) : null;
    }

    /// <summary>A cmdlet before New-DtMonitoringConfiguration in the CSV chain: it takes that cmdlet's columns to carry them along.</summary>
    internal interface IConfigurationColumns
    {
        string[]? Region { get; }
        string[]? FeatureSet { get; }
        string? Description { get; }
        string? DeploymentRegion { get; }
    }
}

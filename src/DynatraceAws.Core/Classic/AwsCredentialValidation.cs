using System.Collections.Generic;
using DynatraceAws.Core.Reports;

namespace DynatraceAws.Core.Classic
{
    /// <summary>The validator's answer: valid (204), or the server's reasons (400).</summary>
    public sealed class AwsCredentialValidation
    {
        internal AwsCredentialValidation(string label, IReadOnlyList<string> reasons)
        {
            Label = label;
            Reasons = new ReportList<string>(reasons);
        }

        public string Label { get; }
        public bool IsValid => Reasons.Count == 0;

        /// <summary>"path: message" for each constraint the server says the credentials break.</summary>
        public ReportList<string> Reasons { get; }
    }
}

using System;
using System.IO;
using System.Text;

namespace DynatraceAws.Core.Reports
{
    /// <summary>
    /// Writes a Markdown report to a file and shows it in the CI run's UI: GitHub Actions reads the
    /// job summary from the file GITHUB_STEP_SUMMARY names; Azure Pipelines attaches a summary file
    /// when the step prints ##vso[task.uploadsummary].
    /// </summary>
    public static class CiSummary
    {
        private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

        /// <param name="variable">Reads an environment variable (Environment.GetEnvironmentVariable, or a test's table).</param>
        /// <returns>The line the step must print on its standard output, or null outside Azure Pipelines.</returns>
        public static string? Publish(string reportPath, string markdown, Func<string, string?> variable)
        {
            var fullPath = Path.GetFullPath(reportPath);
            File.WriteAllText(fullPath, markdown, Utf8);
            if (variable("GITHUB_STEP_SUMMARY") is { Length: > 0 } stepSummary)
                File.AppendAllText(stepSummary, markdown + Environment.NewLine, Utf8);
            return string.Equals(variable("TF_BUILD"), "True", StringComparison.OrdinalIgnoreCase)
                ? "##vso[task.uploadsummary]" + fullPath
                : null;
        }
    }
}

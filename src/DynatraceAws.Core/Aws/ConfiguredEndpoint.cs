using System;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Core.Aws
{
    /// <summary>
    /// Where a service is called when the user says so, as the AWS SDKs and CLI v2 decide
    /// (docs/api-facts.md, "Configured endpoints"): -EndpointUrl, else AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
    /// else AWS_ENDPOINT_URL, unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true. Null: the
    /// partition's own endpoint.
    /// </summary>
    public static class ConfiguredEndpoint
    {
        /// <summary>The serviceId of each service's model (shared/contracts/aws/*.service-2.json).</summary>
        public const string Iam = "IAM", Sts = "STS", Organizations = "Organizations";

        public static Uri? For(string serviceId, Uri? endpointUrl, Func<string, string?> variable)
        {
            if (endpointUrl != null) return endpointUrl;
            if (string.Equals(variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase)) return null;
            foreach (var name in new[] { VariableFor(serviceId), "AWS_ENDPOINT_URL" })
                if (InputRules.OptionalEndpoint(variable(name), name) is { } configured) return configured;
            return null;
        }

        /// <summary>AWS_ENDPOINT_URL_ and the serviceId in capitals, its spaces as underscores.</summary>
        public static string VariableFor(string serviceId) => "AWS_ENDPOINT_URL_" + serviceId.ToUpperInvariant().Replace(' ', '_');
    }
}

using System;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Dynatrace
{
    public sealed partial class EnvironmentUrl
    {
        private const string ClassicPathPrefix = "/e/";

        /// <summary>A classic address at /e/{environment-id}: Dynatrace Managed, or an Environment ActiveGate.</summary>
        public bool HasEnvironmentPath => IsClassic && BaseUri.AbsolutePath.StartsWith(ClassicPathPrefix, StringComparison.Ordinal);

        /// <summary>
        /// A classic environment API address, in the three shapes of the config v1 API:
        /// SaaS <c>https://{id}.live.dynatrace.com</c> (an <c>.apps.</c> host is mapped to its
        /// <c>.live.</c> host), Managed <c>https://{domain}/e/{id}</c> and Environment ActiveGate
        /// <c>https://{activegate}/e/{id}</c>. The base address ends with a slash, so API paths append to it.
        /// </summary>
        public static EnvironmentUrl ParseClassic(string? input, string? environmentId = null)
        {
            var text = (input ?? "").Trim();
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            var pathStart = text.IndexOf('/', scheme < 0 ? 0 : scheme + 3);
            var path = pathStart < 0 ? "" : text.Substring(pathStart).TrimEnd('/');
            var host = pathStart < 0 ? text : text.Substring(0, pathStart);
            if (path.Length == 0)
            {
                var saas = Parse(host, environmentId);
                var liveHost = new UriBuilder(saas.BaseUri) { Host = saas.BaseUri.Host.Replace(".apps.", ".live.") }.Uri;
                return new EnvironmentUrl(liveHost, saas.EnvironmentId, saas.IsLoopback, isClassic: true);
            }

            var pathId = path.StartsWith(ClassicPathPrefix, StringComparison.Ordinal) ? path.Substring(ClassicPathPrefix.Length) : "";
            if (!IsEnvironmentId(pathId))
                throw new InvalidInputException("InvalidEnvironmentUrl", "EnvironmentUrl", input, "has a path other than /e/{environment-id}",
                    "Pass https://{your-domain}/e/{your-environment-id} for Managed or an Environment ActiveGate, or https://{your-environment-id}.live.dynatrace.com for SaaS.");
            if (environmentId != null && !string.Equals(environmentId, pathId, StringComparison.OrdinalIgnoreCase))
                throw new InvalidInputException("InvalidEnvironmentId", "EnvironmentId", environmentId, $"differs from the environment ID '{pathId}' of the address",
                    "Leave out -EnvironmentId; the address names the environment.");

            var root = Parse(host, pathId);
            var baseUri = new Uri(root.BaseUri, ClassicPathPrefix.TrimStart('/') + pathId + "/");
            return new EnvironmentUrl(baseUri, pathId, root.IsLoopback, isClassic: true);
        }
    }
}

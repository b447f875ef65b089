using System;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// A Dynatrace platform environment address, normalised: https (http only on the loopback),
    /// no path, a <c>.live.</c> host mapped to its <c>.apps.</c> host, and the environment id read
    /// from the first label of the host.
    /// </summary>
    public sealed partial class EnvironmentUrl
    {
        private EnvironmentUrl(Uri baseUri, string environmentId, bool isLoopback, bool isClassic = false)
        {
            BaseUri = baseUri;
            EnvironmentId = environmentId;
            IsLoopback = isLoopback;
            IsClassic = isClassic;
        }

        public Uri BaseUri { get; }
        public string EnvironmentId { get; }
        public bool IsLoopback { get; }

        /// <summary>A classic environment API address (Api-Token), see <see cref="ParseClassic"/>.</summary>
        public bool IsClassic { get; }

        /// <summary>Production SaaS lives under dynatrace.com; sprint and dev under dynatracelabs.com and others.</summary>
        public bool IsProduction => BaseUri.Host.EndsWith(".dynatrace.com", StringComparison.OrdinalIgnoreCase);

        public override string ToString() => BaseUri.ToString().TrimEnd('/');

        public static EnvironmentUrl Parse(string? input, string? environmentId = null)
        {
            const string field = "EnvironmentUrl";
            var text = (input ?? "").Trim();
            if (text.Length == 0)
                throw Invalid(text, "is empty", "Pass the environment address, for example abc12345.apps.dynatrace.com.");
            if (text.IndexOf("://", StringComparison.Ordinal) < 0) text = "https://" + text;

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
                throw Invalid(input, "is not a valid address", "Pass a host name such as abc12345.apps.dynatrace.com.");
            if (!string.IsNullOrEmpty(uri.UserInfo))
                throw Invalid(input, "contains credentials", "Remove the user name and password from the address; pass the token with -Token.");
            if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0)
                throw Invalid(input, "has a path or query", "Pass only the environment host, for example https://abc12345.apps.dynatrace.com.");

            var loopback = uri.IsLoopback;
            if (uri.Scheme == Uri.UriSchemeHttp && !loopback)
                throw Invalid(input, "uses http", "Use https://; plain http is accepted only for 127.0.0.1 and localhost.");
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
                throw Invalid(input, $"uses the scheme '{uri.Scheme}'", "Use an https:// address.");

            var host = uri.Host.ToLowerInvariant().Replace(".live.", ".apps.");
            var builder = new UriBuilder(uri.Scheme, host, uri.IsDefaultPort ? -1 : uri.Port, "/");
            var id = environmentId ?? (loopback ? "local" : host.Split('.')[0]);
            if (!IsEnvironmentId(id))
                throw new InvalidInputException("InvalidEnvironmentId", "EnvironmentId", id,
                    "is not a Dynatrace environment id", "Use the first label of the environment host, letters and digits only, for example abc12345.");
            return new EnvironmentUrl(builder.Uri, id, loopback);

            InvalidInputException Invalid(string? value, string problem, string fix) =>
                new InvalidInputException("InvalidEnvironmentUrl", field, value, problem, fix);
        }

        private static bool IsEnvironmentId(string id)
        {
            if (id.Length < 3 || id.Length > 64) return false;
            foreach (var c in id)
                if (!(char.IsLetterOrDigit(c) && c < 128) && c != '-') return false;
            return true;
        }
    }
}

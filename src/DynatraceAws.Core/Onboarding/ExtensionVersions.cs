using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The active version of an extension, read once per environment and session.</summary>
    public sealed class ExtensionVersions
    {
        public const string DaAws = "com.dynatrace.extension.da-aws";

        private readonly DynatraceEnvironment _environment;
        private readonly ICoreLog _log;
        private readonly ExtensionsClient _extensions;

        public ExtensionVersions(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _extensions = new ExtensionsClient(new DynatraceApi(environment, _log, retry));
        }

        public async Task<ExtensionVersion> GetAsync(string extensionName, CancellationToken ct)
        {
            if (_environment.ExtensionVersions.TryGetValue(extensionName, out var cached))
            {
                _log.Debug($"Extension {extensionName} {cached.ActiveVersion} (cached for this session).");
                return cached;
            }

            var entry = await _extensions.FindAsync(extensionName, ct).ConfigureAwait(false);
            var active = (string?)entry?["activeVersion"];
            if (entry is null || string.IsNullOrEmpty(active))
                throw new DynatraceAwsException("ExtensionNotInstalled", FailureCategory.ObjectNotFound,
                    $"The extension {extensionName} is not active in {_environment.EnvironmentUrl}.",
                    $"Run Install-DtExtension -ExtensionName {extensionName} (it needs the extensions:definitions:write scope), then try again.");

            var version = new ExtensionVersion(extensionName, active!, (string?)entry["version"], _environment.EnvironmentId);
            _environment.ExtensionVersions[extensionName] = version;
            return version;
        }

        /// <summary>Adds the extension to the environment from the Dynatrace Hub; a no-op when it is already there.</summary>
        public async Task<ExtensionVersion> InstallAsync(string extensionName, string? version, CancellationToken ct)
        {
            _log.Verbose($"Adding {extensionName}{(version is null ? "" : " " + version)} to {_environment.EnvironmentUrl}.");
            await _extensions.InstallAsync(extensionName, version, ct).ConfigureAwait(false);
            _environment.ExtensionVersions.TryRemove(extensionName, out _);
            return await GetAsync(extensionName, ct).ConfigureAwait(false);
        }
    }
}

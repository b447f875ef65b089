using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Classic
{
    /// <summary>
    /// The Dynatrace side of onboarding an account on the classic path: the environment's external id
    /// and the labels of the existing credentials (each read once per run), and role-based credentials
    /// created only when missing.
    /// </summary>
    public sealed class ClassicOnboarding
    {
        private readonly AwsCredentials _credentials;
        private readonly Lazy<Task<AwsIamExternalId>> _externalId;
        private readonly Lazy<Task<IReadOnlyDictionary<string, string>>> _idsByLabel;

        public ClassicOnboarding(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _credentials = new AwsCredentials(environment, log, retry);
            _externalId = new Lazy<Task<AwsIamExternalId>>(() => _credentials.GetIamExternalIdAsync(CancellationToken.None));
            _idsByLabel = new Lazy<Task<IReadOnlyDictionary<string, string>>>(() => _credentials.IdsByLabelAsync(CancellationToken.None));
        }

        public async Task<string> ExternalIdAsync() => (await _externalId.Value.ConfigureAwait(false)).ExternalId;

        /// <returns>The credentials' id; null when only planned and they do not exist yet.</returns>
        public async Task<string?> EnsureCredentialAsync(AwsCredentialSpec spec, bool planOnly, ICollection<string> changes, CancellationToken ct)
        {
            spec.Validate();
            var existing = (await _idsByLabel.Value.ConfigureAwait(false)).TryGetValue(spec.Label, out var id)
                ? await _credentials.GetAsync(id, ct).ConfigureAwait(false)
                : null;
            if (existing != null)
            {
                if (existing.AccountId != spec.AccountId || existing.RoleName != spec.RoleName)
                    throw new DynatraceAwsException("CredentialLabelTaken", FailureCategory.ResourceExists,
                        $"AWS credentials '{spec.Label}' already monitor the role {existing.RoleName} of account {existing.AccountId}.",
                        "Pass another -Name for this account, or change those credentials with Set-DtAwsCredential.");
                return existing.Id;
            }
            changes.Add($"Dynatrace: create AWS credentials '{spec.Label}'");
            return planOnly ? null : (await _credentials.CreateAsync(spec, ct).ConfigureAwait(false)).Id;
        }
    }
}

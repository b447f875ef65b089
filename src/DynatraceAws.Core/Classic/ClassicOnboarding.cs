using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Classic
{
    /// <summary>
    /// The Dynatrace side of onboarding an account on the classic path: the environment's external id
    /// and the labels of the existing credentials (each read once per run), and role-based credentials
    /// planned only when missing.
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

        /// <summary>Checks the spec and reads the credentials of its label; they must monitor the same role of the same account.</summary>
        internal async Task<ClassicCredential> FindCredentialAsync(AwsCredentialSpec spec, CancellationToken ct)
        {
            spec.Validate();
            var existing = (await _idsByLabel.Value.ConfigureAwait(false)).TryGetValue(spec.Label, out var id)
                ? await _credentials.GetAsync(id, ct).ConfigureAwait(false)
                : null;
            if (existing != null && AwsCredentialDifferences.Of(AwsCredentialSpec.From(existing), spec)
                    .Where(d => d.Field == AwsCredentialDifferences.Authentication).ToArray() is { Length: > 0 } differences)
                throw AwsCredentialDifferences.LabelTaken(existing, differences, "pass another -Name for this account");
            return new ClassicCredential(spec, existing);
        }

        /// <summary>Plans the credentials' create when they are missing.</summary>
        /// <returns>Their id once known: now when they exist, after the plan is applied otherwise.</returns>
        internal Func<string?> AddTo(PlanBuilder plan, ClassicCredential credential, params PlanStep?[] after)
        {
            var id = credential.Existing?.Id;
            if (credential.Existing is null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"AWS credentials '{credential.Spec.Label}'",
                        after: $"role {credential.Spec.RoleName} of account {credential.Spec.AccountId}"),
                    async ct => id = (await _credentials.CreateAsync(credential.Spec, ct).ConfigureAwait(false)).Id, after);
            return () => id;
        }
    }

    /// <summary>Classic credentials as asked for, and those of the same label when they exist.</summary>
    internal sealed class ClassicCredential
    {
        public ClassicCredential(AwsCredentialSpec spec, AwsCredential? existing)
        {
            Spec = spec;
            Existing = existing;
        }

        public AwsCredentialSpec Spec { get; }
        public AwsCredential? Existing { get; }
    }
}

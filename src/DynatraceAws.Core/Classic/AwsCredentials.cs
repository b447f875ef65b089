using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Classic
{
    /// <summary>
    /// AWS credentials of the classic config v1 API (seed 001): the environment's external id, and
    /// credentials to list, read, validate, create, replace and delete. Needs an Api-Token connection.
    /// </summary>
    public sealed class AwsCredentials
    {
        private const string Base = "api/config/v1/aws/";
        private const string Credentials = Base + "credentials";

        private readonly DynatraceEnvironment _environment;
        private readonly DynatraceApi _api;
        private readonly ICoreLog _log;

        public AwsCredentials(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            if (!environment.IsClassic)
                throw new DynatraceAwsException("ClassicConnectionRequired", FailureCategory.InvalidOperation,
                    $"{environment.EnvironmentUrl} is connected for the platform API; AWS credentials are a classic config API.",
                    "Connect with Connect-DtEnvironment -ApiToken (or DT_API_TOKEN) to the environment's classic address.");
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _api = new DynatraceApi(environment, _log, retry);
        }

        public async Task<AwsIamExternalId> GetIamExternalIdAsync(CancellationToken ct)
        {
            var answer = await _api.GetAsync("Get AWS external ID", Base + "iamExternalId", ct).ConfigureAwait(false);
            return new AwsIamExternalId((string?)answer?["token"] ?? "", _environment.EnvironmentId);
        }

        /// <summary>
        /// Every credential in full. The list only names them, so each is read, all at once within the
        /// environment's bound on requests in flight; one deleted in between is left out.
        /// </summary>
        public async Task<IReadOnlyList<AwsCredential>> ListAsync(CancellationToken ct)
        {
            var ids = (await EntriesAsync(ct).ConfigureAwait(false)).Select(v => (string?)v["id"]).OfType<string>();
            var all = await Task.WhenAll(ids.Select(id => FindAsync(id, ct))).ConfigureAwait(false);
            return all.OfType<AwsCredential>().ToArray();
        }

        /// <returns>The first credentials with the label, or null.</returns>
        public async Task<AwsCredential?> FindByLabelAsync(string label, CancellationToken ct) =>
            (await IdsByLabelAsync(ct).ConfigureAwait(false)).TryGetValue(label, out var id) ? await GetAsync(id, ct).ConfigureAwait(false) : null;

        /// <summary>Every credentials' id by label (the first, when a label repeats), from one list call.</summary>
        public async Task<IReadOnlyDictionary<string, string>> IdsByLabelAsync(CancellationToken ct)
        {
            var ids = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var entry in await EntriesAsync(ct).ConfigureAwait(false))
            {
                if ((string?)entry["name"] is { } name && (string?)entry["id"] is { } id && !ids.ContainsKey(name)) ids[name] = id;
            }
            return ids;
        }

        /// <summary>
        /// The list's {id, name} entries, unpaged. The docs and the Terraform provider read a bare array,
        /// Monaco a StubList {"values": [...]}; both are read (docs/api-facts.md).
        /// </summary>
        private async Task<IReadOnlyList<JsonObject>> EntriesAsync(CancellationToken ct)
        {
            var answer = await _api.GetAsync("List AWS credentials", Credentials, ct).ConfigureAwait(false);
            return ((answer as JsonArray) ?? (answer?["values"] as JsonArray) ?? new JsonArray()).OfType<JsonObject>().ToArray();
        }

        public async Task<AwsCredential> GetAsync(string id, CancellationToken ct)
        {
            var answer = await _api.GetAsync("Get AWS credentials", One(id), ct).ConfigureAwait(false);
            return AwsCredentialJson.Read(answer!, _environment.EnvironmentId);
        }

        /// <returns>null when no credentials have the id.</returns>
        public async Task<AwsCredential?> FindAsync(string id, CancellationToken ct)
        {
            try
            {
                return await GetAsync(id, ct).ConfigureAwait(false);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>The validator's verdict; only a 400 becomes reasons, any other failure is thrown.</summary>
        public async Task<AwsCredentialValidation> TestAsync(AwsCredentialSpec spec, CancellationToken ct)
        {
            spec.Validate();
            try
            {
                await ValidateAsync(spec, ct).ConfigureAwait(false);
                return new AwsCredentialValidation(spec.Label, Array.Empty<string>());
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 400)
            {
                var reasons = ex.ConstraintViolations.Select(v => $"{v.Path}: {v.Message}").ToArray();
                return new AwsCredentialValidation(spec.Label, reasons.Length > 0 ? reasons : new[] { ex.ServerMessage });
            }
        }

        /// <summary>
        /// Checks the spec and reads the credentials of its label, writing nothing: their create when there
        /// are none; nothing when they are as asked (a secret key cannot be read back, so it is not
        /// compared). Credentials of the label that differ are CredentialLabelTaken, naming the difference.
        /// </summary>
        public async Task<Plan<AwsCredential>> PlanCreateAsync(AwsCredentialSpec spec, CancellationToken ct)
        {
            spec.Validate();
            var existing = await FindByLabelAsync(spec.Label, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            AwsCredential? created = null;
            if (existing is null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"AWS credentials '{spec.Label}'",
                        after: AwsCredentialDifferences.AuthenticationOf(spec)),
                    async ct2 => created = await CreateAsync(spec, ct2).ConfigureAwait(false));
            else if (AwsCredentialDifferences.Of(AwsCredentialSpec.From(existing), spec)
                         .Where(d => d.Field != AwsCredentialDifferences.SecretKey).ToArray() is { Length: > 0 } differences)
                throw AwsCredentialDifferences.LabelTaken(existing, differences, "give these credentials another -Label");
            return plan.Build($"AWS credentials '{spec.Label}' in {_environment}", () => existing ?? created!,
                existing is null ? null : $"AWS credentials '{spec.Label}' ({existing.Id}) already exist as asked; nothing to create.");
        }

        /// <summary>
        /// Reads the credentials, applies <paramref name="change"/> to a copy and checks it, writing nothing:
        /// the replace of the credentials when anything differs, nothing otherwise.
        /// </summary>
        public async Task<Plan<AwsCredential>> PlanUpdateAsync(string id, Action<AwsCredentialSpec> change, CancellationToken ct)
        {
            var current = await GetAsync(id, ct).ConfigureAwait(false);
            var spec = AwsCredentialSpec.From(current);
            change(spec);
            spec.Validate();
            var differences = AwsCredentialDifferences.Of(AwsCredentialSpec.From(current), spec);
            var plan = new PlanBuilder();
            var updated = current;
            if (differences.Count > 0)
                plan.Add(AwsCredentialDifferences.Update(current, differences), async ct2 => updated = await ReplaceAsync(id, spec, ct2).ConfigureAwait(false));
            return plan.Build($"AWS credentials '{current.Label}' ({id})", () => updated,
                $"AWS credentials '{current.Label}' ({id}) are as asked; nothing to write.");
        }

        /// <summary>Reads the credentials and plans their deletion; credentials that are gone plan nothing.</summary>
        public async Task<Plan<AwsCredential?>> PlanDeleteAsync(string id, CancellationToken ct)
        {
            var current = await FindAsync(id, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            if (current != null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete, $"AWS credentials '{current.Label}' ({id})"),
                    ct2 => DeleteAsync(id, ct2));
            return plan.Build<AwsCredential?>($"AWS credentials {id} in {_environment}", () => current,
                $"AWS credentials {id} do not exist; nothing to remove.");
        }

        /// <summary>
        /// Has Dynatrace validate the credentials, then creates them. The validator runs here, just before
        /// the write, not in the check: whether it also tries the role, which a plan may create first, no
        /// source says (docs/api-facts.md).
        /// </summary>
        internal async Task<AwsCredential> CreateAsync(AwsCredentialSpec spec, CancellationToken ct)
        {
            await ValidateAsync(spec, ct).ConfigureAwait(false);
            var created = await _api.SendAsync("Create AWS credentials", HttpMethod.Post, Credentials, AwsCredentialJson.Body(spec), ct)
                .ConfigureAwait(false);
            var id = (string?)created?["id"] ?? throw new InvalidOperationException("Dynatrace created AWS credentials without an id.");
            _log.Verbose($"Created AWS credentials '{spec.Label}' ({id}).");
            return await GetAsync(id, ct).ConfigureAwait(false);
        }

        /// <summary>Validates the credentials and writes them back whole.</summary>
        private async Task<AwsCredential> ReplaceAsync(string id, AwsCredentialSpec spec, CancellationToken ct)
        {
            await ValidateAsync(spec, ct).ConfigureAwait(false);
            await _api.SendAsync("Update AWS credentials", HttpMethod.Put, One(id), AwsCredentialJson.Body(spec), ct).ConfigureAwait(false);
            _log.Verbose($"Updated AWS credentials '{spec.Label}' ({id}).");
            return await GetAsync(id, ct).ConfigureAwait(false);
        }

        /// <returns>false when the credentials did not exist.</returns>
        private async Task<bool> DeleteAsync(string id, CancellationToken ct)
        {
            try
            {
                await _api.SendAsync("Delete AWS credentials", HttpMethod.Delete, One(id), null, ct).ConfigureAwait(false);
                _log.Verbose($"Deleted AWS credentials {id}.");
                return true;
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                // Also what a retried DELETE meets when the first attempt's answer was lost.
                return false;
            }
        }

        private Task ValidateAsync(AwsCredentialSpec spec, CancellationToken ct) =>
            _api.SendAsync("Validate AWS credentials", HttpMethod.Post, Credentials + "/validator", AwsCredentialJson.Body(spec), ct);

        private static string One(string id) => $"{Credentials}/{Uri.EscapeDataString(id)}";
    }
}

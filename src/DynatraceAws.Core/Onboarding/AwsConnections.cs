using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>AWS connections of one environment: find by name, create, read, and write the role ARN.</summary>
    public sealed class AwsConnections
    {
        private readonly DynatraceEnvironment _environment;
        private readonly ICoreLog _log;
        private readonly SettingsClient _settings;

        public AwsConnections(DynatraceEnvironment environment, ICoreLog? log = null, RetryPolicy? retry = null)
        {
            _environment = environment;
            _log = RedactingLog.Wrap(log);
            _settings = new SettingsClient(new DynatraceApi(environment, _log, retry));
        }

        public async Task<IReadOnlyList<AwsConnection>> ListAsync(CancellationToken ct)
        {
            var items = await _settings.ListAsync(AwsConnectionDocument.SchemaId, ct).ConfigureAwait(false);
            return items.Select(i => AwsConnectionDocument.ToConnection(i, null, _environment)).ToArray();
        }

        public async Task<AwsConnection?> FindByNameAsync(string name, string? accountId, CancellationToken ct)
        {
            var items = await _settings.ListAsync(AwsConnectionDocument.SchemaId, ct).ConfigureAwait(false);
            var match = items.FirstOrDefault(i => string.Equals(AwsConnectionDocument.Name(i.Value), name, StringComparison.Ordinal));
            return match is null ? null : AwsConnectionDocument.ToConnection(match, accountId, _environment);
        }

        public async Task<AwsConnection> GetAsync(string connectionId, string? accountId, CancellationToken ct)
        {
            var item = await GetObjectAsync(connectionId, ct).ConfigureAwait(false);
            return AwsConnectionDocument.ToConnection(item, accountId, _environment);
        }

        /// <summary>Creates the connection with an empty role ARN, or returns the one that has this name.</summary>
        public async Task<Outcome<AwsConnection>> EnsureAsync(string name, string accountId, CancellationToken ct)
        {
            InputRules.ConnectionName(name);
            InputRules.AccountId(accountId);
            var existing = await FindByNameAsync(name, accountId, ct).ConfigureAwait(false);
            if (existing != null)
            {
                _log.Verbose($"AWS connection '{name}' already exists ({existing.ConnectionId}); nothing to create.");
                return new Outcome<AwsConnection>(existing, false);
            }
            return await CreateAsync(name, accountId, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Creates the connection. When the name is taken meanwhile (another run, or a retried POST
        /// whose first answer was lost) the existing connection is returned instead of a duplicate.
        /// </summary>
        public async Task<Outcome<AwsConnection>> CreateAsync(string name, string accountId, CancellationToken ct)
        {
            InputRules.ConnectionName(name);
            InputRules.AccountId(accountId);
            _log.Verbose($"Creating AWS connection '{name}' for account {accountId} in {_environment.EnvironmentUrl}.");
            try
            {
                var value = AwsConnectionDocument.New(name);
                var id = await _settings.CreateAsync(AwsConnectionDocument.SchemaId, AwsConnectionDocument.Scope, value, ct).ConfigureAwait(false);
                return new Outcome<AwsConnection>(AwsConnectionDocument.ToConnection(new SettingsObject(id, value, null), accountId, _environment), true);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 400 && ex.AllMessages.IndexOf("another connection", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                var existing = await FindByNameAsync(name, accountId, ct).ConfigureAwait(false);
                if (existing is null) throw;
                _log.Verbose($"AWS connection '{name}' already exists ({existing.ConnectionId}).");
                return new Outcome<AwsConnection>(existing, false);
            }
        }

        /// <summary>
        /// Writes the role ARN into the connection. Dynatrace assumes the role when the ARN is written,
        /// so a role created moments ago is refused until IAM has propagated: those answers are retried
        /// with backoff up to the propagation timeout. A conflicting concurrent write is re-read and retried.
        /// </summary>
        public async Task<Outcome<AwsConnection>> SetRoleArnAsync(string connectionId, string roleArn, RoleArnOptions options,
            CancellationToken ct)
        {
            var accountId = InputRules.RoleArn(roleArn);
            var started = DateTimeOffset.UtcNow;
            var delay = options.FirstRetryDelay;
            for (var attempt = 1; ; attempt++)
            {
                var item = await GetObjectAsync(connectionId, ct).ConfigureAwait(false);
                var current = AwsConnectionDocument.RoleArn(item.Value);
                if (string.Equals(current, roleArn, StringComparison.Ordinal))
                {
                    _log.Verbose($"AWS connection '{AwsConnectionDocument.Name(item.Value)}' already uses {roleArn}; nothing to write.");
                    return new Outcome<AwsConnection>(AwsConnectionDocument.ToConnection(item, accountId, _environment), attempt > 1);
                }
                if (current.Length > 0 && !options.Force)
                    throw new DynatraceAwsException("RoleArnAlreadySet", FailureCategory.ResourceExists,
                        $"AWS connection '{AwsConnectionDocument.Name(item.Value)}' already uses the role {current}, not {roleArn}.",
                        "Pass -Force to replace the role ARN, or use a connection made for this role.");

                try
                {
                    _log.Verbose($"Writing role {roleArn} into AWS connection '{AwsConnectionDocument.Name(item.Value)}' (attempt {attempt}).");
                    var value = AwsConnectionDocument.WithRoleArn(item.Value, roleArn);
                    await _settings.UpdateAsync(connectionId, value, item.UpdateToken, ct).ConfigureAwait(false);
                    ReportDone();
                    return new Outcome<AwsConnection>(
                        AwsConnectionDocument.ToConnection(new SettingsObject(connectionId, value, null), accountId, _environment), true);
                }
                catch (DynatraceApiException ex) when (ex.StatusCode == 409)
                {
                    _log.Verbose("The connection changed while it was being written; reading it again.");
                }
                catch (DynatraceApiException ex) when (IsNotYetAssumable(ex))
                {
                    var waited = DateTimeOffset.UtcNow - started;
                    if (waited + delay > options.PropagationTimeout)
                    {
                        ReportDone();
                        throw new DynatraceAwsException("RoleNotAssumable", FailureCategory.OperationTimeout,
                            $"Dynatrace could not assume {roleArn} within {options.PropagationTimeout.TotalSeconds:0} s: {ex.AllMessages}",
                            "Check that the role trusts the Dynatrace principal with sts:ExternalId equal to the ConnectionId, then run the command again (IAM changes can take a few minutes to propagate).",
                            ex);
                    }
                    _log.Progress(new ProgressReport("Waiting for IAM propagation",
                        $"Dynatrace cannot assume {roleArn} yet; retrying in {delay.TotalSeconds:0.#} s ({waited.TotalSeconds:0} s of {options.PropagationTimeout.TotalSeconds:0} s)",
                        (int)Math.Min(99, 100 * waited.TotalSeconds / Math.Max(1, options.PropagationTimeout.TotalSeconds))));
                    await Task.Delay(delay, ct).ConfigureAwait(false);
                    delay = TimeSpan.FromMilliseconds(Math.Min(options.MaxRetryDelay.TotalMilliseconds, delay.TotalMilliseconds * 1.5));
                }
            }

            void ReportDone() => _log.Progress(new ProgressReport("Waiting for IAM propagation", "Done", 100, completed: true));
        }

        public async Task DeleteAsync(string connectionId, CancellationToken ct)
        {
            await _settings.DeleteAsync(connectionId, ct).ConfigureAwait(false);
        }

        private async Task<SettingsObject> GetObjectAsync(string connectionId, CancellationToken ct)
        {
            try
            {
                return await _settings.GetAsync(connectionId, ct).ConfigureAwait(false);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                throw new DynatraceAwsException("ConnectionNotFound", FailureCategory.ObjectNotFound,
                    $"No AWS connection has the id '{connectionId}' in {_environment.EnvironmentUrl}.",
                    "Check the ConnectionId (Get-DtAwsConnection lists them) or create the connection with New-DtAwsConnection.", ex);
            }
        }

        // The settings API validates a written role by assuming it; a fresh role fails until IAM propagates.
        private static bool IsNotYetAssumable(DynatraceApiException ex) =>
            ex.StatusCode == 404
            || (ex.StatusCode == 400 && (ex.AllMessages.IndexOf("assume", StringComparison.OrdinalIgnoreCase) >= 0
                                         || ex.AllMessages.IndexOf("externalId", StringComparison.OrdinalIgnoreCase) >= 0));
    }
}

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
    /// <summary>AWS connections of one environment: list and find, create, read, write the role ARN, delete.</summary>
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
            if (match is null) return null;
            var connection = AwsConnectionDocument.ToConnection(match, accountId, _environment);
            return accountId is null ? connection : connection.RequireAccount(accountId);
        }

        /// <summary>
        /// The connections the filter names: the one with its ConnectionId (ConnectionNotFound when
        /// there is none), else all; then those of its AccountId when given.
        /// </summary>
        public async Task<IReadOnlyList<AwsConnection>> ListAsync(AwsConnectionFilter filter, CancellationToken ct)
        {
            var accountId = string.IsNullOrWhiteSpace(filter.AccountId) ? null : InputRules.AccountId(filter.AccountId);
            var candidates = string.IsNullOrWhiteSpace(filter.ConnectionId)
                ? await ListAsync(ct).ConfigureAwait(false)
                : new[] { await GetAsync(filter.ConnectionId!.Trim(), null, ct).ConfigureAwait(false) };
            return candidates.Where(c => accountId is null || c.AccountId == accountId).ToArray();
        }

        /// <returns>Null when the connection does not exist.</returns>
        public async Task<AwsConnection?> FindByIdAsync(string connectionId, CancellationToken ct)
        {
            try
            {
                return AwsConnectionDocument.ToConnection(await _settings.GetAsync(connectionId, ct).ConfigureAwait(false), null, _environment);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
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
                var existing = await FindByNameAsync(name, accountId, ct).ConfigureAwait(false) ?? throw NotVisible(name);
                _log.Verbose($"AWS connection '{name}' already exists ({existing.ConnectionId}).");
                return new Outcome<AwsConnection>(existing, false);
            }
        }

        /// <summary>The name is taken by a connection the list does not show: one of another user's, under owner-based access.</summary>
        private DynatraceAwsException NotVisible(string name) => new DynatraceAwsException("ConnectionNotVisible", FailureCategory.ResourceExists,
            $"An AWS connection named '{name}' exists in {_environment.EnvironmentUrl}, but this token cannot see it: AWS connections are " +
            "private to the user who created them (owner-based access), and this one was created by another user or in the Dynatrace UI.",
            $"Ask its owner to share the connection with you or to delete it (Settings > Connections > AWS), connect with a token of that user, " +
            $"or give this account another connection name (-Name, or a ConnectionName column).");

        /// <summary>
        /// Writes the role ARN into the connection. Dynatrace assumes the role when the ARN is written,
        /// so a role created moments ago is refused until IAM has propagated: those answers are retried
        /// with backoff up to the propagation timeout. A conflicting concurrent write is re-read and retried.
        /// </summary>
        public Task<Outcome<AwsConnection>> SetRoleArnAsync(string connectionId, string roleArn, RoleArnOptions options, CancellationToken ct) =>
            SetRoleArnAsync(connectionId, roleArn, options, null, ct);

        /// <param name="created">The connection as this run just created it: its value is known, so the first write needs no read.</param>
        internal async Task<Outcome<AwsConnection>> SetRoleArnAsync(string connectionId, string roleArn, RoleArnOptions options,
            AwsConnection? created, CancellationToken ct)
        {
            var accountId = InputRules.RoleArn(roleArn);
            var started = DateTimeOffset.UtcNow;
            var delay = options.FirstRetryDelay;
            var known = created is null ? null : new SettingsObject(connectionId, AwsConnectionDocument.New(created.Name), null);
            for (var attempt = 1; ; attempt++)
            {
                var item = known ?? await GetObjectAsync(connectionId, ct).ConfigureAwait(false);
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
                    known = null;
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

        /// <returns>False when the connection was already gone.</returns>
        public async Task<bool> DeleteAsync(string connectionId, CancellationToken ct)
        {
            try
            {
                await _settings.DeleteAsync(connectionId, ct).ConfigureAwait(false);
                _log.Verbose($"Deleted AWS connection {connectionId}.");
                return true;
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                // Also what a retried DELETE meets when the first attempt's answer was lost.
                _log.Verbose($"AWS connection {connectionId} does not exist; nothing to delete.");
                return false;
            }
        }

        private async Task<SettingsObject> GetObjectAsync(string connectionId, CancellationToken ct)
        {
            try
            {
                return await _settings.GetAsync(connectionId, ct).ConfigureAwait(false);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                throw NotFound.Connection($"has the id '{connectionId}'", _environment, ex);
            }
        }

        // The settings API validates a written role by assuming it; a fresh role fails until IAM propagates.
        private static bool IsNotYetAssumable(DynatraceApiException ex) =>
            ex.StatusCode == 404
            || (ex.StatusCode == 400 && (ex.AllMessages.IndexOf("assume", StringComparison.OrdinalIgnoreCase) >= 0
                                         || ex.AllMessages.IndexOf("externalId", StringComparison.OrdinalIgnoreCase) >= 0));
    }
}

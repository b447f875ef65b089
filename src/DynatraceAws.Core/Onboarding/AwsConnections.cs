using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Plans;

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

        /// <summary>
        /// The connection a role or a configuration of <paramref name="accountId"/> is about to be made for,
        /// read before anything is written: it must exist and, once its role ARN names an account, be that
        /// account's. In a classic environment the id is the external id token, not a connection: nothing to read.
        /// </summary>
        public async Task RequireForAccountAsync(string connectionId, string accountId, CancellationToken ct)
        {
            if (_environment.IsClassic) return;
            var connection = await GetAsync(connectionId, accountId, ct).ConfigureAwait(false);
            if (connection.AccountId != accountId)
                throw new DynatraceAwsException("ConnectionOfAnotherAccount", FailureCategory.InvalidArgument,
                    $"AWS connection '{connection.ConnectionName}' ({connectionId}) is AWS account {connection.AccountId}'s (its role ARN is {connection.RoleArn}), not {accountId}'s; nothing was written.",
                    $"Pass the ConnectionId of account {accountId}'s own connection (Get-DtAwsConnection -AccountId {accountId}), or create one with New-DtAwsConnection.");
        }

        /// <summary>Checks the name and account, reads the connections, and plans the create when the name is free.</summary>
        public async Task<Plan<AwsConnection>> PlanCreateAsync(string name, string accountId, CancellationToken ct)
        {
            InputRules.ConnectionName(name);
            InputRules.AccountId(accountId);
            var existing = await FindByNameAsync(name, accountId, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            AwsConnection? created = null;
            if (existing is null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"AWS connection '{name}'", after: $"for account {accountId}"),
                    async ct2 => created = (await CreateAsync(name, accountId, ct2).ConfigureAwait(false)).Item);
            return plan.Build($"AWS connection '{name}' in {_environment}", () => existing ?? created!,
                existing is null ? null : $"AWS connection '{name}' already exists ({existing.ConnectionId}); nothing to create.");
        }

        /// <summary>
        /// Reads the connection and plans writing the role ARN into it. A connection whose role ARN is
        /// set to another role is refused here, before any write: Dynatrace does not let a set role
        /// ARN change (docs/api-facts.md).
        /// </summary>
        public async Task<Plan<AwsConnection>> PlanRoleArnAsync(string connectionId, string roleArn, RoleArnOptions options, CancellationToken ct)
        {
            var accountId = InputRules.RoleArn(roleArn);
            var item = await GetObjectAsync(connectionId, ct).ConfigureAwait(false);
            var connection = AwsConnectionDocument.ToConnection(item, accountId, _environment);
            RequireRoleArnFree(connection, roleArn);
            var plan = new PlanBuilder();
            var updated = connection;
            if (connection.RoleArn != roleArn)
                plan.Add(RoleArnChange(connection.ConnectionName, roleArn),
                    async ct2 => updated = await SetRoleArnAsync(connectionId, roleArn, options, item, ct2).ConfigureAwait(false));
            return plan.Build($"AWS connection '{connection.ConnectionName}' ({connectionId})", () => updated,
                $"AWS connection '{connection.ConnectionName}' already uses {roleArn}; nothing to write.");
        }

        internal static PlannedChange RoleArnChange(string connectionName, string roleArn) =>
            new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Update, $"role ARN of AWS connection '{connectionName}'", "(empty)", roleArn);

        /// <summary>A role ARN, once set, is the connection's for good: another one needs another connection.</summary>
        internal static void RequireRoleArnFree(AwsConnection connection, string roleArn)
        {
            if (connection.RoleArn.Length == 0 || connection.RoleArn == roleArn) return;
            throw new DynatraceAwsException("RoleArnAlreadySet", FailureCategory.ResourceExists,
                $"AWS connection '{connection.ConnectionName}' already uses the role {connection.RoleArn}, not {roleArn}, and Dynatrace does not let a connection's role ARN change.",
                "Keep the role the connection names (pass its -RoleName), or onboard the account with a new connection name; then remove the old connection.");
        }

        /// <summary>Reads the connection and plans its deletion; one that is gone already plans nothing.</summary>
        public async Task<Plan<AwsConnection?>> PlanDeleteAsync(string connectionId, CancellationToken ct)
        {
            var connection = await FindByIdAsync(connectionId, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            if (connection != null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete, $"AWS connection '{connection.ConnectionName}' ({connectionId})"),
                    ct2 => DeleteAsync(connectionId, ct2));
            return plan.Build<AwsConnection?>($"AWS connection {connectionId} in {_environment}", () => connection,
                $"AWS connection {connectionId} does not exist; nothing to remove.");
        }

        /// <summary>
        /// Creates the connection. When the name is taken meanwhile (another run, or a retried POST
        /// whose first answer was lost) the existing connection is returned instead of a duplicate.
        /// </summary>
        internal async Task<Outcome<AwsConnection>> CreateAsync(string name, string accountId, CancellationToken ct)
        {
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
        /// so a role created moments ago is refused until IAM has propagated: the one retry policy waits
        /// that out (RetryPolicy.UntilPropagated) up to the propagation timeout. A connection that is
        /// gone is ConnectionNotFound at once; a conflicting concurrent write is read again.
        /// </summary>
        /// <param name="known">The connection as read or just created, so the first write needs no read.</param>
        internal async Task<AwsConnection> SetRoleArnAsync(string connectionId, string roleArn, RoleArnOptions options,
            SettingsObject? known, CancellationToken ct)
        {
            var accountId = InputRules.RoleArn(roleArn);
            var propagation = RetryPolicy.UntilPropagated(options.PropagationTimeout, options.FirstRetryDelay, options.MaxRetryDelay);
            try
            {
                return await propagation.ExecuteAsync($"Writing role {roleArn} into AWS connection {connectionId}", async attemptCt =>
                {
                    var item = Interlocked.Exchange(ref known, null) ?? await GetObjectAsync(connectionId, attemptCt).ConfigureAwait(false);
                    var connection = AwsConnectionDocument.ToConnection(item, accountId, _environment);
                    if (connection.RoleArn == roleArn) return connection;
                    RequireRoleArnFree(connection, roleArn);
                    var value = AwsConnectionDocument.WithRoleArn(item.Value, roleArn);
                    try
                    {
                        _log.Verbose($"Writing role {roleArn} into AWS connection '{connection.ConnectionName}'.");
                        await _settings.UpdateAsync(connectionId, value, item.UpdateToken, attemptCt).ConfigureAwait(false);
                    }
                    catch (DynatraceApiException ex) when (ex.StatusCode == 409)
                    {
                        throw new DynatraceAwsException("ConnectionChanged", FailureCategory.NotYetPropagated,
                            "The connection changed while it was being written; reading it again.", null, ex);
                    }
                    catch (DynatraceApiException ex) when (ex.StatusCode == 400 || ex.StatusCode == 404)
                    {
                        // Dynatrace checks a written role by assuming it: a new role fails until IAM has propagated.
                        throw new DynatraceAwsException("RoleNotYetAssumable", FailureCategory.NotYetPropagated,
                            $"Dynatrace cannot assume {roleArn} yet: {ex.AllMessages}", null, ex);
                    }
                    return AwsConnectionDocument.ToConnection(new SettingsObject(connectionId, value, null), accountId, _environment);
                }, _log, ct).ConfigureAwait(false);
            }
            catch (DynatraceAwsException ex) when (ex.Category == FailureCategory.NotYetPropagated)
            {
                throw new DynatraceAwsException("RoleNotAssumable", FailureCategory.OperationTimeout,
                    $"Dynatrace could not assume {roleArn} within {options.PropagationTimeout.TotalSeconds:0} s: {ex.InnerException?.Message ?? ex.Message}",
                    "Check that the role trusts the Dynatrace principal with sts:ExternalId equal to the ConnectionId, then run the command again (IAM changes can take a few minutes to propagate).",
                    ex);
            }
        }

        /// <returns>False when the connection was already gone.</returns>
        internal async Task<bool> DeleteAsync(string connectionId, CancellationToken ct)
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
    }
}

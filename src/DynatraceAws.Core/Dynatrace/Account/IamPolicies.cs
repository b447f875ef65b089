using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Input;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>IAM policies of one level (GET/POST/PUT/DELETE /iam/v1/repo/{levelType}/{levelId}/policies).</summary>
    public sealed class IamPolicies
    {
        private readonly DynatraceApi _api;
        private readonly PolicyBindings _bindings;
        private readonly ICoreLog _log;

        public IamPolicies(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _api = new DynatraceApi(account, log, retry);
            _bindings = new PolicyBindings(account, log, retry);
            _log = RedactingLog.Wrap(log);
        }

        /// <summary>The policies defined at the level itself, without statements.</summary>
        public async Task<IReadOnlyList<IamPolicy>> ListAsync(PolicyLevel level, CancellationToken ct)
        {
            var body = await _api.GetAsync("List IAM policies", level.RepoPath + "/policies", ct).ConfigureAwait(false);
            return Items(body?["policies"], level);
        }

        /// <summary>The policies usable at the level, inherited and global ones included, without statements.</summary>
        public async Task<IReadOnlyList<IamPolicy>> ListAllAsync(PolicyLevel level, CancellationToken ct)
        {
            var body = await _api.GetAsync("List IAM policies", level.RepoPath + "/policies/aggregate", ct).ConfigureAwait(false);
            return Items(body?["policyOverviewList"], level);
        }

        /// <summary>The policy with its statement, or null when there is none with that UUID.</summary>
        public async Task<IamPolicy?> GetAsync(PolicyLevel level, string uuid, CancellationToken ct)
        {
            try
            {
                var body = await _api.GetAsync("Read IAM policy", PolicyPath(level, uuid), ct).ConfigureAwait(false);
                return body is null ? null : IamPolicy.From(body, level);
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                return null;
            }
        }

        /// <summary>The level's own policy of that exact name, with its statement, or null.</summary>
        public async Task<IamPolicy?> FindByNameAsync(PolicyLevel level, string name, CancellationToken ct)
        {
            var match = (await ListAsync(level, ct).ConfigureAwait(false)).FirstOrDefault(p => p.Name == name);
            return match is null ? null : await GetAsync(level, match.Uuid, ct).ConfigureAwait(false);
        }

        /// <summary>
        /// Reads the level's policy of that name and plans, writing nothing: its create; nothing, when it
        /// has this statement (whitespace aside); or, with <paramref name="replaceDifferent"/>, the update of
        /// its statement (and its description, when one is given). A different statement without it is
        /// PolicyStatementDiffers.
        /// </summary>
        public async Task<Plan<IamPolicy>> PlanCreateAsync(PolicyLevel level, string name, string description, string statementQuery,
            bool replaceDifferent, CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidPolicyName");
            var existing = await FindByNameAsync(level, name, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            var policy = existing;
            if (existing is null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"IAM policy '{name}'", after: statementQuery),
                    async ct2 => policy = await CreateAsync(level, name, description, statementQuery, ct2).ConfigureAwait(false));
            else if (!PolicyStatement.AreSame(existing.StatementQuery, statementQuery))
            {
                if (!replaceDifferent)
                    throw new DynatraceAwsException("PolicyStatementDiffers", FailureCategory.ResourceExists,
                        $"IAM policy '{name}' ({existing.Uuid}) at {level} exists with another statement: {existing.StatementQuery}",
                        "Run again with -Force to replace its statement, or choose another -Name.");
                AddUpdate(plan, level, existing, name, description, statementQuery, updated => policy = updated);
            }
            return plan.Build($"IAM policy '{name}' at {level}", () => policy!,
                existing is null ? null : $"IAM policy '{name}' ({existing.Uuid}) at {level} already has this statement; nothing to change.");
        }

        /// <summary>
        /// Reads the policy that <paramref name="uuid"/> names, or when it is blank the level's own policy
        /// named <paramref name="name"/>, and plans the update of the given values that differ, writing
        /// nothing. Blank values keep the policy's own.
        /// </summary>
        public async Task<Plan<IamPolicy>> PlanUpdateAsync(PolicyLevel level, string? uuid, string? name, string? description, string? statementQuery,
            CancellationToken ct)
        {
            if (!string.IsNullOrEmpty(name)) InputRules.VisibleName(name, "Name", "InvalidPolicyName");
            IamPolicy current;
            if (!string.IsNullOrWhiteSpace(uuid))
                current = await GetAsync(level, uuid!.Trim(), ct).ConfigureAwait(false) ?? throw PolicyErrors.NotFound(uuid!, level);
            else if (!string.IsNullOrWhiteSpace(name))
                current = await FindByNameAsync(level, name!, ct).ConfigureAwait(false) ?? throw PolicyErrors.NotFoundByName(name!, level);
            else
                throw PolicyErrors.NotNamed();
            var plan = new PlanBuilder();
            var policy = current;
            AddUpdate(plan, level, current, name, description, statementQuery, updated => policy = updated);
            return plan.Build($"IAM policy '{current.Name}' ({current.Uuid}) at {level}", () => policy,
                $"IAM policy '{current.Name}' ({current.Uuid}) at {level} already has these values; nothing to change.");
        }

        /// <summary>
        /// Reads the policy and its bindings at the level and plans its deletion; one that is gone plans
        /// nothing. A bound policy is deleted only with <paramref name="unbind"/>, which deletes its
        /// bindings too; without it, PolicyBound before any write.
        /// </summary>
        public async Task<Plan<IamPolicy?>> PlanDeleteAsync(PolicyLevel level, string uuid, bool unbind, CancellationToken ct)
        {
            var current = await GetAsync(level, uuid, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            if (current != null)
            {
                var groups = (await _bindings.ListAsync(level, uuid, ct).ConfigureAwait(false)).Select(b => b.GroupUuid).Distinct().Count();
                if (groups > 0 && !unbind)
                    throw new DynatraceAwsException("PolicyBound", FailureCategory.InvalidOperation,
                        $"IAM policy '{current.Name}' ({uuid}) is bound to {groups} group(s) at {level}, and Dynatrace deletes a bound policy only with its bindings.",
                        "Pass -Force to unbind and remove it, or unbind it first with Revoke-DtPolicyBinding.");
                var bound = groups > 0 ? $" and its bindings to {groups} group(s)" : "";
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Delete, $"IAM policy '{current.Name}' ({uuid}){bound}"),
                    ct2 => DeleteAsync(level, uuid, unbind, ct2));
            }
            return plan.Build<IamPolicy?>($"IAM policy {uuid} at {level}", () => current, $"IAM policy {uuid} does not exist at {level}; nothing to remove.");
        }

        /// <summary>
        /// Adds to a plan the update of the given values that differ from <paramref name="current"/>'s, in one
        /// write; nothing when none differs. A blank value (an empty CSV cell) keeps the policy's own, and
        /// statements that differ only in whitespace are the same.
        /// </summary>
        private void AddUpdate(PlanBuilder plan, PolicyLevel level, IamPolicy current, string? name, string? description, string? statementQuery,
            Action<IamPolicy> updated)
        {
            var newName = Blank(name) ? current.Name : name!;
            var newDescription = Blank(description) ? current.Description : description!;
            var currentStatement = current.StatementQuery ?? "";
            var newStatement = Blank(statementQuery) || PolicyStatement.AreSame(statementQuery, currentStatement) ? currentStatement : statementQuery!;
            var fields = new List<(string Field, string Before, string After)>();
            if (newName != current.Name) fields.Add(("name", $"'{current.Name}'", $"'{newName}'"));
            if (newDescription != current.Description) fields.Add(("description", $"'{current.Description}'", $"'{newDescription}'"));
            if (newStatement != currentStatement) fields.Add(("statements", currentStatement, newStatement));
            if (fields.Count == 0) return;
            plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Update, $"IAM policy '{current.Name}' ({current.Uuid})",
                    string.Join("; ", fields.Select(f => $"{f.Field} {f.Before}")), string.Join("; ", fields.Select(f => $"{f.Field} {f.After}"))),
                async ct => updated(await UpdateAsync(level, current.Uuid, newName, newDescription, newStatement, ct).ConfigureAwait(false)));
        }

        private async Task<IamPolicy> CreateAsync(PolicyLevel level, string name, string description, string statementQuery, CancellationToken ct)
        {
            var body = await _api.SendAsync($"Create IAM policy '{name}'", HttpMethod.Post, level.RepoPath + "/policies",
                Body(name, description, statementQuery), ct).ConfigureAwait(false);
            var created = IamPolicy.From(body ?? throw NoBody("create"), level);
            _log.Verbose($"Created IAM policy '{name}' ({created.Uuid}) at {level}.");
            return created;
        }

        /// <summary>Replaces name, description and statement (PUT answers 201 or 204, without the policy), then reads it back.</summary>
        private async Task<IamPolicy> UpdateAsync(PolicyLevel level, string uuid, string name, string description, string statementQuery,
            CancellationToken ct)
        {
            await _api.SendAsync($"Update IAM policy '{name}'", HttpMethod.Put, PolicyPath(level, uuid),
                Body(name, description, statementQuery), ct).ConfigureAwait(false);
            _log.Verbose($"Updated IAM policy '{name}' ({uuid}) at {level}.");
            return await GetAsync(level, uuid, ct).ConfigureAwait(false) ?? throw NoBody("read back");
        }

        /// <summary>Deletes the policy; <paramref name="unbind"/> also deletes its bindings, without which a bound policy stays.</summary>
        private async Task DeleteAsync(PolicyLevel level, string uuid, bool unbind, CancellationToken ct)
        {
            try
            {
                await _api.SendAsync("Delete IAM policy", HttpMethod.Delete, $"{PolicyPath(level, uuid)}?force={(unbind ? "true" : "false")}",
                    null, ct).ConfigureAwait(false);
                _log.Verbose($"Deleted IAM policy {uuid} at {level}.");
            }
            catch (DynatraceApiException ex) when (ex.StatusCode == 404)
            {
                // Also what a retried DELETE meets when the first attempt's answer was lost.
                _log.Verbose($"IAM policy {uuid} does not exist at {level}; nothing to delete.");
            }
        }

        private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

        private static string PolicyPath(PolicyLevel level, string uuid) => $"{level.RepoPath}/policies/{Uri.EscapeDataString(uuid)}";

        private static JsonObject Body(string name, string description, string statementQuery) => new JsonObject
        {
            ["name"] = name,
            ["description"] = description,
            ["statementQuery"] = statementQuery,
            ["tags"] = new JsonArray(),
        };

        private static IReadOnlyList<IamPolicy> Items(JsonNode? list, PolicyLevel level) =>
            (list as JsonArray)?.OfType<JsonObject>().Select(p => IamPolicy.From(p, level)).ToArray() ?? Array.Empty<IamPolicy>();

        private static DynatraceAwsException NoBody(string step) => new DynatraceAwsException("UnexpectedAnswer", FailureCategory.ProtocolError,
            $"The account management API did not return the IAM policy after {step}.", null);
    }
}

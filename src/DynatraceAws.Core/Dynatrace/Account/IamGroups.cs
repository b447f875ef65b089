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
    /// <summary>The account's user groups (/iam/v1/accounts/{accountUuid}/groups).</summary>
    public sealed class IamGroups
    {
        private readonly DynatraceAccount _account;
        private readonly DynatraceApi _api;

        public IamGroups(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _account = account;
            _api = new DynatraceApi(account, log, retry);
        }

        public async Task<IReadOnlyList<IamGroup>> ListAsync(CancellationToken ct)
        {
            var body = await _api.GetAsync("List groups", AccountPaths.Of(_account, "groups"), ct).ConfigureAwait(false);
            return ((body?["items"] as JsonArray) ?? new JsonArray()).OfType<JsonObject>().Select(IamGroup.From).ToArray();
        }

        /// <summary>Reads the groups and plans the group's create when none has that name; the existing one otherwise.</summary>
        public async Task<Plan<IamGroup>> PlanCreateAsync(string name, string description, CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidGroupName");
            var existing = (await ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(g => g.Name == name);
            var plan = new PlanBuilder();
            var group = existing;
            if (existing is null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"group '{name}'"),
                    async ct2 => group = await CreateAsync(name, description, ct2).ConfigureAwait(false));
            return plan.Build($"group '{name}' of {_account}", () => group!,
                existing is null ? null : $"Group '{name}' ({existing.Uuid}) exists; nothing to create.");
        }

        private async Task<IamGroup> CreateAsync(string name, string description, CancellationToken ct)
        {
            // No federatedAttributeValues: sent at all, even empty, they make the new group SAML-owned instead of LOCAL.
            var body = new JsonArray(new JsonObject { ["name"] = name, ["description"] = description });
            var created = await _api.SendAsync($"Create group '{name}'", HttpMethod.Post, AccountPaths.Of(_account, "groups"), body, ct).ConfigureAwait(false);
            return IamGroup.From((created as JsonArray)?.FirstOrDefault() ?? throw new DynatraceAwsException("UnexpectedAnswer",
                FailureCategory.ProtocolError, $"Creating group '{name}' returned no group.", null));
        }
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Onboarding;

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

        /// <summary>Returns the group of that name, creating it when there is none.</summary>
        public async Task<IamGroup> EnsureAsync(string name, string description, CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidGroupName");
            var existing = (await ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(g => g.Name == name);
            if (existing != null) return existing;
            // No federatedAttributeValues: sent at all, even empty, they make the new group SAML-owned instead of LOCAL.
            var body = new JsonArray(new JsonObject { ["name"] = name, ["description"] = description });
            var created = await _api.SendAsync($"Create group '{name}'", HttpMethod.Post, AccountPaths.Of(_account, "groups"), body, ct).ConfigureAwait(false);
            return IamGroup.From((created as JsonArray)?.FirstOrDefault() ?? throw new DynatraceAwsException("UnexpectedAnswer",
                FailureCategory.ProtocolError, $"Creating group '{name}' returned no group.", null));
        }
    }
}

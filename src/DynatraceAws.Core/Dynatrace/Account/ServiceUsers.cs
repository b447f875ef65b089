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
    /// <summary>The account's service users (/iam/v1/accounts/{accountUuid}/service-users).</summary>
    public sealed class ServiceUsers
    {
        /// <summary>At the server's page size: the contract names page-size but no bounds for it.</summary>
        private static readonly Paging UsersPaging = Paging.ByKey("results", "uid", "page-key");

        private readonly DynatraceAccount _account;
        private readonly DynatraceApi _api;
        private readonly ICoreLog _log;

        public ServiceUsers(DynatraceAccount account, ICoreLog log, RetryPolicy? retry = null)
        {
            _account = account;
            _api = new DynatraceApi(account, log, retry);
            _log = RedactingLog.Wrap(log);
        }

        /// <summary>Every service user, page after page; a listed user shows no group.</summary>
        public async Task<IReadOnlyList<ServiceUser>> ListAsync(CancellationToken ct)
        {
            var items = await _api.ListAsync("List service users", AccountPaths.Of(_account, "service-users"), "", UsersPaging, ct).ConfigureAwait(false);
            return items.Select(ServiceUser.From).ToArray();
        }

        /// <summary>One service user with its group.</summary>
        public async Task<ServiceUser> GetAsync(string uid, CancellationToken ct)
        {
            var body = await _api.GetAsync("Read service user", $"{AccountPaths.Of(_account, "service-users")}/{Uri.EscapeDataString(uid)}", ct)
                .ConfigureAwait(false);
            return ServiceUser.From(body ?? throw Unexpected("read"));
        }

        /// <summary>
        /// Reads the service users and plans the create of one of that name when there is none. The plan's
        /// result is the service user with its group, as read or as created.
        /// </summary>
        public async Task<Plan<ServiceUser>> PlanCreateAsync(string name, string description, CancellationToken ct)
        {
            InputRules.VisibleName(name, "Name", "InvalidServiceUserName");
            var existing = (await ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(u => u.Name == name);
            if (existing is { GroupUuid: null }) existing = await GetAsync(existing.Uid, ct).ConfigureAwait(false);
            var plan = new PlanBuilder();
            var user = existing;
            if (existing is null)
                plan.Add(new PlannedChange(PlannedChange.Dynatrace, ChangeAction.Create, $"service user '{name}'"),
                    async ct2 => user = await CreateAsync(name, description, ct2).ConfigureAwait(false));
            return plan.Build($"service user '{name}' of {_account}", () => user!,
                existing is null ? null : $"Service user '{name}' ({existing.Uid}) exists; nothing to create.");
        }

        private async Task<ServiceUser> CreateAsync(string name, string description, CancellationToken ct)
        {
            var body = new JsonObject { ["name"] = name, ["description"] = description };
            var created = await _api.SendAsync($"Create service user '{name}'", HttpMethod.Post, AccountPaths.Of(_account, "service-users"), body, ct)
                .ConfigureAwait(false);
            var user = ServiceUser.From(created ?? throw Unexpected("create"));
            _log.Verbose($"Created service user '{name}' ({user.Uid}) with group {user.GroupUuid}.");
            return user;
        }

        /// <summary>A UUID passes as it is; anything else is looked up as a name or an email.</summary>
        public async Task<string> UidOfAsync(string nameOrUid, CancellationToken ct)
        {
            if (Guid.TryParse(nameOrUid, out _)) return nameOrUid;
            return (await ListAsync(ct).ConfigureAwait(false)).FirstOrDefault(u => u.Name == nameOrUid || string.Equals(u.Email, nameOrUid, StringComparison.OrdinalIgnoreCase))?.Uid
                ?? throw new DynatraceAwsException("ServiceUserNotFound", FailureCategory.ObjectNotFound, $"The account has no service user '{nameOrUid}'.",
                    "Check the name with Get-DtServiceUser, or create it with New-DtServiceUser.");
        }

        private static DynatraceAwsException Unexpected(string step) => new DynatraceAwsException("UnexpectedAnswer", FailureCategory.ProtocolError,
            $"The account management API returned no service user after {step}.", null);
    }
}

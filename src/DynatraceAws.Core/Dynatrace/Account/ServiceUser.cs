using System;
using System.Text.Json.Nodes;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>A service user; GroupUuid is the group that carries its policies.</summary>
    public sealed class ServiceUser : PlanResult
    {
        public ServiceUser(string uid, string email, string name, string description, string? groupUuid)
        {
            Uid = uid;
            Email = email;
            Name = name;
            Description = description;
            GroupUuid = groupUuid;
        }

        public string Uid { get; }
        public string Email { get; }
        public string Name { get; }
        public string Description { get; }
        public string? GroupUuid { get; }

        public override string ToString() => Name;

        internal static ServiceUser From(JsonNode node) => new ServiceUser((string?)node["uid"] ?? "", (string?)node["email"] ?? "",
            (string?)node["name"] ?? "", (string?)node["description"] ?? "", (string?)node["groupUuid"]);
    }
}

using System.Text.Json.Nodes;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Dynatrace.Account
{
    public sealed class IamGroup : PlanResult
    {
        public IamGroup(string uuid, string name, string description, string owner)
        {
            Uuid = uuid;
            Name = name;
            Description = description;
            Owner = owner;
        }

        public string Uuid { get; }
        public string Name { get; }
        public string Description { get; }
        public string Owner { get; }

        public override string ToString() => Name;

        internal static IamGroup From(JsonNode node) =>
            new IamGroup((string?)node["uuid"] ?? "", (string?)node["name"] ?? "", (string?)node["description"] ?? "", (string?)node["owner"] ?? "");
    }
}

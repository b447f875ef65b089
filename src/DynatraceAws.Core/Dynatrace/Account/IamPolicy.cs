using System.Text.Json.Nodes;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>An IAM policy: its statement is null when read from a list, which shows only names.</summary>
    public sealed class IamPolicy : PlanResult
    {
        public IamPolicy(string uuid, string name, string description, string? statementQuery, string levelType, string levelId)
        {
            Uuid = uuid;
            Name = name;
            Description = description;
            StatementQuery = statementQuery;
            LevelType = levelType;
            LevelId = levelId;
        }

        public string Uuid { get; }
        public string Name { get; }
        public string Description { get; }
        public string? StatementQuery { get; }
        public string LevelType { get; }
        public string LevelId { get; }

        public override string ToString() => Name;

        internal static IamPolicy From(JsonNode node, PolicyLevel level) => new IamPolicy(
            (string?)node["uuid"] ?? "", (string?)node["name"] ?? "", (string?)node["description"] ?? "",
            (string?)node["statementQuery"], (string?)node["levelType"] ?? level.Type, (string?)node["levelId"] ?? level.Id);
    }
}

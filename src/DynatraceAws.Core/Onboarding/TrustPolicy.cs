using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The role trust policy of seed 000: Dynatrace's AWS account may assume the role with the connection's external id.</summary>
    public static class TrustPolicy
    {
        /// <summary>The AWS account Dynatrace's production platform assumes roles from.</summary>
        public const string ProductionAccount = "314146291599";

        /// <summary>The account of Dynatrace's sprint and development platforms (from Dynatrace's role template).</summary>
        public const string NonProductionAccount = "476114158034";

        public static string PrincipalArn(string trustedAccountId) => $"arn:aws:iam::{trustedAccountId}:root";

        public static string Document(string trustedAccountId, string externalId) => new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = PrincipalArn(trustedAccountId) },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new JsonObject
                {
                    ["StringEquals"] = new JsonObject { ["sts:ExternalId"] = externalId },
                },
            }),
        }.ToJsonString();
    }
}

using System;
using System.Linq;
using System.Text.Json.Nodes;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Onboarding
{
    /// <summary>The role trust policy of seed 000: Dynatrace's AWS account may assume the role with the connection's external id.</summary>
    public static class TrustPolicy
    {
        /// <summary>The AWS account Dynatrace's production platform assumes roles from.</summary>
        public const string ProductionAccount = "314146291599";

        /// <summary>The account of Dynatrace's sprint and development platforms (from Dynatrace's role template).</summary>
        public const string NonProductionAccount = "476114158034";

        /// <summary>The AWS account classic SaaS (config v1 AWS credentials) assumes roles from; Managed clusters name their own.</summary>
        public const string ClassicSaaSAccount = "509560245411";

        /// <summary>
        /// The Dynatrace account to trust for an environment: the classic SaaS one for a classic SaaS
        /// connection, else production unless the host is a sprint or development one. The loopback
        /// emulator imitates a production environment. At a Managed or Environment ActiveGate address
        /// (/e/{id}) the roles trust the AWS account the ActiveGate runs in, which no API tells: it must
        /// be given (TrustedAccountRequired).
        /// </summary>
        public static string AccountFor(DynatraceEnvironment environment)
        {
            if (environment.Url.HasEnvironmentPath)
                throw new InvalidInputException("TrustedAccountRequired", "TrustedAccountId", null,
                    $"is required for {environment.EnvironmentUrl}, a Dynatrace Managed or Environment ActiveGate address",
                    "Pass -TrustedAccountId with the ID of the AWS account your ActiveGate runs in: Dynatrace assumes the roles from there. " +
                    $"(Dynatrace SaaS monitoring from its own infrastructure assumes them from {ClassicSaaSAccount}.)");
            if (environment.IsClassic) return ClassicSaaSAccount;
            return environment.Url.IsProduction || environment.Url.IsLoopback ? ProductionAccount : NonProductionAccount;
        }

        /// <summary>
        /// The external id a trust policy requires of <paramref name="trustedAccountId"/>'s root
        /// principal for sts:AssumeRole, or null when it does not trust that principal with one.
        /// </summary>
        public static string? ExternalIdRequiredOf(string? document, string trustedAccountId)
        {
            var principal = PrincipalArn(trustedAccountId);
            foreach (var statement in PolicyDocuments.Statements(document) ?? Enumerable.Empty<JsonObject>())
            {
                if ((string?)statement["Effect"] != "Allow") continue;
                if (!PolicyDocuments.Set(statement["Action"], StringComparer.OrdinalIgnoreCase).Contains("sts:AssumeRole")) continue;
                var principals = PolicyDocuments.Set(statement["Principal"]?["AWS"]);
                if (!principals.Contains(principal) && !principals.Contains(trustedAccountId)) continue;
                var externalIds = PolicyDocuments.Set(statement["Condition"]?["StringEquals"]?["sts:ExternalId"]);
                if (externalIds.Count == 1) return externalIds.Single();
            }
            return null;
        }

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

using System;
using System.Collections.Generic;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;

namespace DynatraceAws.Core.Dynatrace.Account
{
    /// <summary>Where IAM policies and bindings live: the account, one environment, or (read-only) global.</summary>
    public sealed class PolicyLevel
    {
        public const string Account = "account";
        public const string Environment = "environment";
        public const string Global = "global";

        /// <summary>The level types -LevelType accepts, in the order completion offers them.</summary>
        public static readonly IReadOnlyList<string> Types = new[] { Account, Environment, Global };

        private PolicyLevel(string type, string id)
        {
            Type = type;
            Id = id;
        }

        public string Type { get; }
        public string Id { get; }

        internal string RepoPath => $"/iam/v1/repo/{Type}/{Uri.EscapeDataString(Id)}";

        /// <summary>
        /// The account's own level unless <paramref name="type"/> says otherwise (blank, as an empty CSV
        /// cell, is the account too); an environment level needs its id.
        /// </summary>
        public static PolicyLevel For(DynatraceAccount account, string? type, string? id)
        {
            var levelType = string.IsNullOrWhiteSpace(type) ? Account : type!.Trim().ToLowerInvariant();
            switch (levelType)
            {
                case Account: return new PolicyLevel(Account, string.IsNullOrWhiteSpace(id) ? account.AccountUuid : id!.Trim());
                case Global: return new PolicyLevel(Global, Global);
                case Environment when !string.IsNullOrWhiteSpace(id): return new PolicyLevel(Environment, id!.Trim());
                case Environment:
                    throw new InvalidInputException("MissingLevelId", "LevelId", id, "is empty",
                        "Pass the environment ID with -LevelId, for example abc12345.");
                default:
                    throw new InvalidInputException("InvalidLevelType", "LevelType", type, $"is not one of {string.Join(", ", Types)}",
                        $"Pass -LevelType {string.Join(", ", Types)} (or leave it empty for account).");
            }
        }

        /// <summary>The level a listed policy was defined at (a global or inherited one is read there).</summary>
        public static PolicyLevel Of(IamPolicy policy) => new PolicyLevel(policy.LevelType, policy.LevelId);

        public override string ToString() => $"{Type} {Id}";
    }
}

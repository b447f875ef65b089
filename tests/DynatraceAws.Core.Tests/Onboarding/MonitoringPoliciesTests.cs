using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DynatraceAws.Core.Onboarding;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding;

/// <summary>The documents we send are the ones in Dynatrace's guide (seed 000), read from ../shared.</summary>
public class MonitoringPoliciesTests
{
    private static readonly string Seed = File.ReadAllText(SharedContracts.PathTo("seeds", "000_a6579f5cc194ca39.txt"));

    /// <summary>Every JSON object that follows "Paste this entire JSON block", in order.</summary>
    private static IReadOnlyList<JsonNode> SeedPolicies() =>
        Regex.Matches(Seed, "Paste this entire JSON block into the policy editor:").Select(m => JsonBlockAt(m.Index)).ToArray();

    private static JsonNode JsonBlockAt(int from)
    {
        var start = Seed.IndexOf('{', from);
        var depth = 0;
        for (var i = start; ; i++)
        {
            if (Seed[i] == '{') depth++;
            else if (Seed[i] == '}' && --depth == 0) return JsonNode.Parse(Seed[start..(i + 1)])!;
        }
    }

    public static IEnumerable<object[]> Pairs => new[]
    {
        new object[] { 0, MonitoringPolicies.First },
        new object[] { 1, MonitoringPolicies.Second },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Each_policy_has_exactly_the_statements_and_actions_of_the_seed(int index, string ours)
    {
        var expected = SeedPolicies()[index];
        var actual = JsonNode.Parse(ours)!;
        Assert.Equal((string?)expected["Version"], (string?)actual["Version"]);
        var expectedStatements = expected["Statement"]!.AsArray();
        var actualStatements = actual["Statement"]!.AsArray();
        Assert.Equal(expectedStatements.Count, actualStatements.Count);
        for (var i = 0; i < expectedStatements.Count; i++)
        {
            foreach (var field in new[] { "Sid", "Effect", "Resource" })
                Assert.Equal((string?)expectedStatements[i]![field], (string?)actualStatements[i]![field]);
            var expectedActions = expectedStatements[i]!["Action"]!.AsArray().Select(a => (string)a!).ToArray();
            var actualActions = actualStatements[i]!["Action"]!.AsArray().Select(a => (string)a!).ToArray();
            Assert.Equal(expectedActions.Length, actualActions.Distinct().Count());
            Assert.Equal(expectedActions.OrderBy(a => a), actualActions.OrderBy(a => a));
        }
    }

    [Fact]
    public void Both_policies_are_compact_and_within_the_managed_policy_limit()
    {
        foreach (var document in new[] { MonitoringPolicies.First, MonitoringPolicies.Second })
        {
            Assert.DoesNotContain(" ", document);
            Assert.InRange(document.Length, 100, 6144);
        }
    }

    [Fact]
    public void The_trust_policy_is_the_seed_example_with_the_external_id_filled_in()
    {
        var marker = Seed.IndexOf("The role trust policy JSON should look like this example:");
        var expected = JsonBlockAt(marker).ToJsonString().Replace("${objectId}", "conn-123");
        var ours = TrustPolicy.Document(TrustPolicy.ProductionAccount, "conn-123");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(ours)), ours);
    }

    [Fact]
    public void Prefixed_names_keep_the_seed_names_as_suffix()
    {
        Assert.Equal(("DynatraceMonitoringPolicy", "DynatraceMonitoringPolicy-2"), MonitoringPolicies.Names(null));
        Assert.Equal(("EnvB-DynatraceMonitoringPolicy", "EnvB-DynatraceMonitoringPolicy-2"), MonitoringPolicies.Names("EnvB-"));
    }
}

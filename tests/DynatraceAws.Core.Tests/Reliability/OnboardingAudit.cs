using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Emulator;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>
/// What the emulator holds after a run, counted rather than asserted so a failing run says how bad
/// it is: accounts complete, duplicates, and orphans (a connection without its configuration or
/// role, a configuration or role without its connection, a policy attached to nothing).
/// </summary>
public sealed record OnboardingAudit(int Complete, int Duplicates, int Orphans)
{
    private const string RoleName = "DynatraceMonitoringRole";

    public static OnboardingAudit Of(EmulatorHost emulator, IReadOnlyCollection<string> accounts)
    {
        var connections = emulator.Dynatrace.Connections;
        var configurations = emulator.Dynatrace.MonitoringConfigurations;
        var connectionIds = connections.Select(c => c.ObjectId).ToHashSet();
        var roles = accounts.SelectMany(a => emulator.Aws.Roles(a))
            .Select(r => (r.Arn, r.AttachedPolicyArns, ExternalId: TrustPolicy.ExternalIdRequiredOf(r.TrustPolicy, TrustPolicy.ProductionAccount)))
            .Where(r => r.ExternalId is not null)
            .ToArray();
        var policies = accounts.Select(a => emulator.Aws.Policies(a)).ToArray();

        var duplicates = connections.Count - connections.Select(c => c.Name).Distinct().Count()
                         + configurations.Count - configurations.Select(c => c.AccountId).Distinct().Count()
                         + accounts.Sum(a => Math.Max(0, roles.Count(r => r.Arn.StartsWith($"arn:aws:iam::{a}:", StringComparison.Ordinal)) - 1))
                         + policies.Sum(p => Math.Max(0, p.Count - 2));

        var orphans = connections.Count(c => configurations.All(m => m.ConnectionId != c.ObjectId) || roles.All(r => r.Arn != c.RoleArn))
                      + configurations.Count(m => !connectionIds.Contains(m.ConnectionId))
                      + roles.Count(r => !connectionIds.Contains(r.ExternalId!))
                      + policies.Sum(p => p.Count(policy => policy.AttachmentCount == 0));

        var complete = accounts.Count(account =>
        {
            var connection = connections.SingleOrDefault(c => c.Name == $"aws-{account}");
            var role = roles.SingleOrDefault(r => r.Arn == $"arn:aws:iam::{account}:role/{RoleName}");
            return connection is not null && role.ExternalId == connection.ObjectId && connection.RoleArn == role.Arn
                   && configurations.Any(m => m.AccountId == account && m.ConnectionId == connection.ObjectId)
                   && role.AttachedPolicyArns.Count == 2;
        });
        return new OnboardingAudit(complete, duplicates, orphans);
    }
}

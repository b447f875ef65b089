using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Plans;

namespace DynatraceAws.Core.Tests.Support;

/// <summary>Each service's plan, approved and applied at once, as a cmdlet does without -WhatIf or -Confirm.</summary>
public static class PlanAndApply
{
    public static Task<Outcome<AwsConnection>> EnsureAsync(this AwsConnections connections, string name, string accountId, CancellationToken ct) =>
        ApplyAsync(connections.PlanCreateAsync(name, accountId, ct), ct);

    public static Task<Outcome<AwsConnection>> SetRoleArnAsync(this AwsConnections connections, string connectionId, string roleArn,
        RoleArnOptions options, CancellationToken ct) =>
        ApplyAsync(connections.PlanRoleArnAsync(connectionId, roleArn, options, ct), ct);

    public static async Task<Outcome<MonitoringConfiguration>> EnsureAsync(this MonitoringConfigurations configurations,
        MonitoringConfigurationSpec spec, CancellationToken ct) =>
        await ApplyAsync(Task.FromResult((await configurations.PlanEnsureAsync(spec, ct)).Plan), ct);

    public static async Task<Outcome<MonitoringConfiguration>> UpdateAsync(this MonitoringConfigurations configurations, string configurationId,
        MonitoringConfigurationChange change, CancellationToken ct) =>
        await ApplyAsync(Task.FromResult((await configurations.PlanUpdateAsync(configurationId, change, ct)).Plan), ct);

    public static Task<MonitoringRole> EnsureAsync(this MonitoringRoles roles, MonitoringRoleSpec spec, CancellationToken ct) =>
        roles.PlanAsync(spec, ct).ApplyAsync(ct);

    private static async Task<Outcome<T>> ApplyAsync<T>(Task<Plan<T>> planning, CancellationToken ct)
    {
        var plan = await planning;
        return new Outcome<T>(await plan.ApplyAsync(ct), plan.HasChanges);
    }
}

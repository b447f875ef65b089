using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
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

    public static Task<IamPolicy> EnsureAsync(this IamPolicies policies, PolicyLevel level, string name, string description, string statementQuery,
        CancellationToken ct) =>
        policies.PlanCreateAsync(level, name, description, statementQuery, false, ct).ApplyAsync(ct);

    public static Task<IamGroup> EnsureAsync(this IamGroups groups, string name, string description, CancellationToken ct) =>
        groups.PlanCreateAsync(name, description, ct).ApplyAsync(ct);

    public static Task<ServiceUser> EnsureAsync(this ServiceUsers users, string name, string description, CancellationToken ct) =>
        users.PlanCreateAsync(name, description, ct).ApplyAsync(ct);

    public static Task<IReadOnlyList<PolicyBinding>> GrantAsync(this PolicyBindings bindings, PolicyLevel level, BindingTargets targets, CancellationToken ct) =>
        bindings.PlanGrantAsync(level, targets, Array.Empty<string>(), ct).ApplyAsync(ct);

    /// <summary>A token with the onboarding scopes, valid for a day, in the environments given or the whole account.</summary>
    public static Task<NewPlatformToken> CreateAsync(this PlatformTokens tokens, string name, string serviceUser, CancellationToken ct,
        params string[] environmentIds) =>
        tokens.PlanCreateAsync(name, OAuthScopes.EnvironmentDefaults, environmentIds, DateTimeOffset.UtcNow.AddDays(1), serviceUser, ct).ApplyAsync(ct);

    public static Task<OnboardingPrerequisites> EnsureAsync(this AwsOnboardingSetup setup, string name, string? environmentUrl, string? environmentId,
        DateTimeOffset tokenExpiration, CancellationToken ct) =>
        setup.PlanAsync(name, environmentUrl, environmentId, tokenExpiration, ct).ApplyAsync(ct);

    private static async Task<Outcome<T>> ApplyAsync<T>(Task<Plan<T>> planning, CancellationToken ct)
    {
        var plan = await planning;
        return new Outcome<T>(await plan.ApplyAsync(ct), plan.HasChanges);
    }
}

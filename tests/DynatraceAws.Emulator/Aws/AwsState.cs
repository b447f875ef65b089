using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DynatraceAws.Emulator.Aws.Iam;
using DynatraceAws.Emulator.Aws.Query;
using DynatraceAws.Emulator.Aws.Signing;
using DynatraceAws.Emulator.Capacity;

namespace DynatraceAws.Emulator.Aws;

/// <summary>
/// The emulated AWS accounts: their keys, IAM policies and roles, and the temporary keys STS
/// issued. One lock guards all of it; every request runs under it whole, so concurrent requests
/// see each other's changes in some order, never half of one.
/// </summary>
public sealed partial class AwsState : IRoleAssumption
{
    /// <summary>The account seeded for manual use (<c>dotnet run</c> prints its keys).</summary>
    public const string DemoAccountId = "123456789012";

    private readonly object _gate = new();
    private readonly EmulatorOptions _options;
    private readonly Dictionary<string, IamAccount> _accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AccessKey> _keys = new(StringComparer.Ordinal);
    private long _sessionCount;
    private int _invalidPrincipalFaults;

    public AwsState(EmulatorOptions options)
    {
        _options = options;
        IamWrites = new IamWriteBudget(options.IamWritesPerSecond);
        DemoAccount = AddAccount(DemoAccountId);
    }

    internal IamWriteBudget IamWrites { get; }

    public AwsAccountKeys DemoAccount { get; }

    /// <summary>
    /// The time the AWS side goes by: signing skew, session expiry, IAM propagation. Tests may
    /// replace it to step over a delay instead of waiting it out.
    /// </summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    internal DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Adds an account, or finds it; either way returns its keys, which are the same on every run.</summary>
    public AwsAccountKeys AddAccount(string accountId)
    {
        if (!AccountIdShape().IsMatch(accountId))
            throw new ArgumentException($"'{accountId}' is not a 12-digit AWS account id.", nameof(accountId));
        var keys = new AwsAccountKeys(accountId, "AKIDEMU" + accountId, "emu-secret-" + accountId);
        lock (_gate)
        {
            if (_accounts.TryAdd(accountId, new IamAccount(accountId)))
                _keys.Add(keys.AccessKeyId, new AccessKey(keys.AccessKeyId, keys.SecretAccessKey, AwsCaller.Root(accountId)));
        }
        return keys;
    }

    /// <summary>A role an AWS service makes in an account (no IAM call, no rule of CreateRole); none if the account has a role of that name.</summary>
    internal void AddServiceRole(string accountId, string roleName, string trustPolicy)
    {
        lock (_gate)
        {
            var account = Account(accountId);
            if (account.FindRole(roleName) is null)
                account.Add(new Role(accountId, roleName, "/", trustPolicy, null, IamInput.SessionDuration.Min, null, [], Now));
        }
    }

    public IReadOnlyList<IamPolicySnapshot> Policies(string accountId)
    {
        lock (_gate)
        {
            var account = Account(accountId);
            return account.Policies.Select(p => new IamPolicySnapshot(p.Name, p.Arn, p.Path, p.DefaultVersion.Id, p.Versions.Count,
                p.DefaultVersion.Document, account.AttachmentCount(p), TagMap(p.Tags))).ToArray();
        }
    }

    public IReadOnlyList<IamRoleSnapshot> Roles(string accountId)
    {
        lock (_gate)
        {
            return Account(accountId).Roles.Select(r => new IamRoleSnapshot(r.Name, r.Arn, r.Path, r.TrustPolicy, r.Description,
                r.PermissionsBoundary?.Arn, TagMap(r.Tags), r.AttachedPolicies.Select(p => p.Arn).ToArray())).ToArray();
        }
    }

    /// <summary>
    /// Makes the next <paramref name="times"/> CreateRole calls fail as IAM does while a trusted
    /// principal has not propagated yet: MalformedPolicyDocument, "Invalid principal in policy".
    /// </summary>
    public void FailCreateRoleWithInvalidPrincipal(int times)
    {
        lock (_gate) _invalidPrincipalFaults = times;
    }

    /// <summary>
    /// Whether <paramref name="trustedPrincipalArn"/> could assume the role now with that external
    /// id: the role exists, its trust policy allows it, and <see cref="EmulatorOptions.PropagationDelay"/>
    /// has passed since the trust policy was last written.
    /// </summary>
    public string? WhyNotAssumable(string roleArn, string trustedPrincipalArn, string externalId)
    {
        var principalAccount = PrincipalAccount().Match(trustedPrincipalArn);
        lock (_gate)
        {
            var role = FindRole(roleArn);
            var assumable = role is not null
                && principalAccount.Success
                && TrustPolicy.Allows(role.TrustPolicy, principalAccount.Groups["account"].Value, [trustedPrincipalArn], externalId)
                && Now - role.TrustPolicyChanged >= _options.PropagationDelay;
            return assumable ? null : $"Role {roleArn} can not be assumed with externalId {externalId}";
        }
    }

    internal AccessKey? FindKey(string accessKeyId)
    {
        lock (_gate) return _keys.GetValueOrDefault(accessKeyId);
    }

    internal IReadOnlyList<XElement> Run(AwsOperation operation, AwsCaller caller, QueryParameters parameters)
    {
        lock (_gate) return operation(new AwsCall(this, caller, parameters, Now));
    }

    /// <summary>Under the lock (from an operation, or a public method that took it).</summary>
    internal IamAccount Account(string accountId) =>
        _accounts.TryGetValue(accountId, out var account)
            ? account
            : throw new ArgumentException($"No emulated AWS account {accountId}.", nameof(accountId));

    /// <summary>The role with exactly that ARN in any emulated account, or null. Under the lock.</summary>
    internal Role? FindRole(string roleArn) =>
        IamArn.TryParse(roleArn, "role", out var accountId, out var name)
        && _accounts.TryGetValue(accountId, out var account)
        && account.FindRole(name) is { } role
        && role.Arn == roleArn
            ? role
            : null;

    /// <summary>Temporary keys for a session of the role; they sign as the role's account. Under the lock.</summary>
    internal AccessKey IssueSessionKey(Role role, string sessionName, DateTimeOffset expiration)
    {
        var serial = (++_sessionCount).ToString("D6", CultureInfo.InvariantCulture);
        var key = new AccessKey(
            $"ASIAemu{role.AccountId}{serial}",
            $"emu-session-secret-{Guid.NewGuid():N}",
            AwsCaller.RoleSession(role.AccountId, role.Arn, role.Name, role.Id, sessionName),
            $"emu-session-token-{Guid.NewGuid():N}",
            expiration);
        _keys.Add(key.AccessKeyId, key);
        return key;
    }

    /// <summary>Whether the CreateRole now running is one <see cref="FailCreateRoleWithInvalidPrincipal"/> asked to fail. Under the lock.</summary>
    internal bool TakeInvalidPrincipalFault()
    {
        if (_invalidPrincipalFaults == 0) return false;
        _invalidPrincipalFaults--;
        return true;
    }

    private static IReadOnlyDictionary<string, string> TagMap(IReadOnlyList<Tag> tags) =>
        tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountIdShape();

    [GeneratedRegex(@"^(arn:aws[a-z-]*:(iam|sts)::)?(?<account>\d{12})(:.*)?$")]
    private static partial Regex PrincipalAccount();
}

using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Organizations;

/// <summary>
/// The one AWS organization of the emulator: a root, nested OUs and member accounts in their
/// states. Tests shape it through the public methods; the Organizations API reads it.
/// </summary>
public sealed class EmulatedOrganization
{
    public const string RootId = "r-emu1";
    private const string Id = "o-emu0000001";

    private readonly object _gate = new();
    private readonly Dictionary<string, OrganizationUnit> _units = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MemberAccount> _accounts = new(StringComparer.Ordinal);
    private string? _managementAccountId;
    private int _unitCount;

    /// <summary>Creates the organization with its root; the management account becomes its first member.</summary>
    public void Create(string managementAccountId, string name = "Management")
    {
        lock (_gate)
        {
            if (_managementAccountId is not null) throw new InvalidOperationException("The emulator already has an organization.");
            _managementAccountId = managementAccountId;
            _units.Add(RootId, new OrganizationUnit(RootId, "Root", null, $"arn:aws:organizations::{managementAccountId}:root/{Id}/{RootId}"));
            AddMember(RootId, managementAccountId, name, $"management@{managementAccountId}.example.com", "ACTIVE");
        }
    }

    /// <returns>The new OU's id.</returns>
    public string AddOrganizationalUnit(string parentId, string name)
    {
        lock (_gate)
        {
            Unit(parentId);
            var id = $"ou-emu1-{++_unitCount:D8}";
            _units.Add(id, new OrganizationUnit(id, name, parentId, $"arn:aws:organizations::{_managementAccountId}:ou/{Id}/{id}"));
            return id;
        }
    }

    /// <param name="state">ACTIVE, SUSPENDED, PENDING_CLOSURE, ...</param>
    public void AddAccount(string parentId, string accountId, string name, string state = "ACTIVE")
    {
        lock (_gate) AddMember(parentId, accountId, name, $"aws+{accountId}@example.com", state);
    }

    public void MoveAccount(string accountId, string destinationParentId)
    {
        lock (_gate)
        {
            Unit(destinationParentId);
            Member(accountId).ParentId = destinationParentId;
        }
    }

    public void RemoveAccount(string accountId)
    {
        lock (_gate) _accounts.Remove(Member(accountId).Id);
    }

    public void SetState(string accountId, string state)
    {
        lock (_gate) Member(accountId).State = state;
    }

    internal string? ManagementAccountId
    {
        get { lock (_gate) return _managementAccountId; }
    }

    internal bool HasMember(string accountId)
    {
        lock (_gate) return _accounts.ContainsKey(accountId);
    }

    internal OrganizationSnapshot Describe()
    {
        lock (_gate)
        {
            var management = Member(_managementAccountId ?? throw NotInUse());
            return new OrganizationSnapshot(Id, $"arn:aws:organizations::{management.Id}:organization/{Id}", management.Id, management.Email);
        }
    }

    internal IReadOnlyList<OrganizationUnit> Roots()
    {
        lock (_gate) return _units.Values.Where(u => u.ParentId is null).ToArray();
    }

    internal IReadOnlyList<OrganizationUnit> UnitsIn(string parentId)
    {
        lock (_gate)
        {
            Unit(parentId);
            return _units.Values.Where(u => u.ParentId == parentId).OrderBy(u => u.Id, StringComparer.Ordinal).ToArray();
        }
    }

    internal IReadOnlyList<MemberAccount> AccountsIn(string? parentId)
    {
        lock (_gate)
        {
            if (parentId is not null) Unit(parentId);
            return _accounts.Values.Where(a => parentId is null || a.ParentId == parentId)
                .OrderBy(a => a.Joined).ThenBy(a => a.Id, StringComparer.Ordinal).Select(a => a.Copy()).ToArray();
        }
    }

    internal static AwsError NotInUse() =>
        new(400, "AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");

    private void AddMember(string parentId, string accountId, string name, string email, string state)
    {
        Unit(parentId);
        if (_accounts.ContainsKey(accountId)) throw new ArgumentException($"Account {accountId} is already a member.", nameof(accountId));
        var joined = DateTimeOffset.UtcNow.AddSeconds(_accounts.Count);
        _accounts.Add(accountId, new MemberAccount(accountId, name, email, $"arn:aws:organizations::{_managementAccountId}:account/{Id}/{accountId}", joined)
        {
            ParentId = parentId,
            State = state,
        });
    }

    private OrganizationUnit Unit(string id) =>
        _units.TryGetValue(id, out var unit)
            ? unit
            : throw new AwsError(400, "ParentNotFoundException", "We can't find a root or OU with the ParentId that you specified.");

    private MemberAccount Member(string id) =>
        _accounts.TryGetValue(id, out var account)
            ? account
            : throw new ArgumentException($"Account {id} is not a member of the organization.", nameof(id));
}

internal sealed record OrganizationUnit(string Id, string Name, string? ParentId, string Arn);

internal sealed record OrganizationSnapshot(string Id, string Arn, string ManagementAccountId, string ManagementEmail);

internal sealed class MemberAccount(string id, string name, string email, string arn, DateTimeOffset joined)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Email { get; } = email;
    public string Arn { get; } = arn;
    public DateTimeOffset Joined { get; } = joined;
    public required string ParentId { get; set; }
    public required string State { get; set; }

    public MemberAccount Copy() => new(Id, Name, Email, Arn, Joined) { ParentId = ParentId, State = State };

    /// <summary>Status is the deprecated field State supersedes; it knows only these three values.</summary>
    public string Status => State is "ACTIVE" or "SUSPENDED" or "PENDING_CLOSURE" ? State : "SUSPENDED";
}

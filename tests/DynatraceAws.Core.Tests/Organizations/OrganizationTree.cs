using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using DynatraceAws.Emulator.Aws;
using DynatraceAws.Emulator.Aws.Organizations;

namespace DynatraceAws.Core.Tests.Organizations;

/// <summary>
/// An organization of 60 member accounts in the emulator, every one reachable through
/// OrganizationAccountAccessRole:
/// Root (5) / Workloads / Prod (15, 2 suspended) / Prod-EU (10, 1 suspended); Workloads / Dev (15); Sandbox (15).
/// </summary>
public sealed class OrganizationTree
{
    public static readonly string[] SuspendedAccounts = ["300000000003", "300000000007", "300000000020"];

    private OrganizationTree(AwsAccountKeys management, IReadOnlyDictionary<string, string> units, IReadOnlyDictionary<string, string> unitOf)
    {
        Management = management;
        Units = units;
        UnitOf = unitOf;
    }

    public AwsAccountKeys Management { get; }

    /// <summary>OU id by name (Workloads, Prod, Prod-EU, Dev, Sandbox, and Root).</summary>
    public IReadOnlyDictionary<string, string> Units { get; }

    /// <summary>The OU name each member account starts in.</summary>
    public IReadOnlyDictionary<string, string> UnitOf { get; }

    public static string Account(int number) => (300000000000L + number).ToString();

    public IEnumerable<string> AccountsIn(params string[] unitNames) =>
        UnitOf.Where(p => unitNames.Contains(p.Value)).Select(p => p.Key);

    public OrganizationsClient Client(EmulatorHost emulator, RetryPolicy retry, AwsAccountKeys? keys = null, ICoreLog? log = null)
    {
        var caller = keys ?? Management;
        return new OrganizationsClient(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, emulator.BaseUrl, "us-east-1",
            new StaticAwsCredentialSource(new AwsCredentials(caller.AccessKeyId, caller.SecretAccessKey)), retry, log);
    }

    public static OrganizationTree Build(EmulatorHost emulator)
    {
        var members = Enumerable.Range(1, 60).Select(Account).ToArray();
        var management = Organization.SetUp(emulator, members);
        var organization = emulator.Aws.Organization;
        organization.Create(Organization.ManagementAccount);

        var units = new Dictionary<string, string> { ["Root"] = EmulatedOrganization.RootId };
        units["Workloads"] = organization.AddOrganizationalUnit(units["Root"], "Workloads");
        units["Prod"] = organization.AddOrganizationalUnit(units["Workloads"], "Prod");
        units["Prod-EU"] = organization.AddOrganizationalUnit(units["Prod"], "Prod-EU");
        units["Dev"] = organization.AddOrganizationalUnit(units["Workloads"], "Dev");
        units["Sandbox"] = organization.AddOrganizationalUnit(units["Root"], "Sandbox");

        var unitOf = new Dictionary<string, string>();
        for (var i = 1; i <= 60; i++)
        {
            var unit = i switch { <= 15 => "Prod", <= 25 => "Prod-EU", <= 40 => "Dev", <= 55 => "Sandbox", _ => "Root" };
            var id = Account(i);
            // A name Dynatrace would refuse as a connection name, to check the template's cleanup.
            var name = i == 1 ? "Payments: Prod" : $"{unit.ToLowerInvariant()}-{i:D2}";
            organization.AddAccount(units[unit], id, name, SuspendedAccounts.Contains(id) ? "SUSPENDED" : "ACTIVE");
            unitOf[id] = unit;
        }
        emulator.Log.Clear();
        return new OrganizationTree(management, units, unitOf);
    }
}

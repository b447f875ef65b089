using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Aws;
using DynatraceAws.Core.Aws.Organizations;
using DynatraceAws.Core.Tests.EmulatorAws;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Organizations;

public class OrganizationsClientTests : EmulatorTest
{
    [Fact]
    public async Task Lists_every_account_over_several_pages_and_describes_the_organization()
    {
        var tree = OrganizationTree.Build(Emulator);
        var client = tree.Client(Emulator, Retry);

        var accounts = await client.ListAccountsAsync(CancellationToken.None);
        var organization = await client.DescribeOrganizationAsync(CancellationToken.None);

        Assert.Equal(61, accounts.Select(a => a.AccountId).Distinct().Count());
        Assert.Equal("SUSPENDED", Assert.Single(accounts, a => a.AccountId == "300000000003").Status);
        Assert.Equal(Organization.ManagementAccount, organization.ManagementAccountId);
        Assert.True(Emulator.Log.Entries.Count(e => e.Operation == "ListAccounts") > 10, "the emulator pages by 5");
        Assert.All(Emulator.Log.Entries, e => Assert.Equal("organizations", e.Service));
    }

    [Fact]
    public async Task Lists_an_OU_subtree_with_paths_active_only_and_without_the_excluded()
    {
        var tree = OrganizationTree.Build(Emulator);
        var accounts = new OrganizationAccounts(tree.Client(Emulator, Retry));

        var direct = await accounts.ListAsync(new OrganizationAccountQuery { OrganizationalUnitId = tree.Units["Prod"] }, CancellationToken.None);
        var subtree = await accounts.ListAsync(new OrganizationAccountQuery
        {
            OrganizationalUnitId = tree.Units["Workloads"],
            Recurse = true,
            Exclude = new[] { OrganizationTree.Account(30) },
        }, CancellationToken.None);

        Assert.Equal(13, direct.Count);
        Assert.All(direct, a => Assert.Equal("Root/Workloads/Prod", a.OrganizationalUnitPath));
        var expected = tree.AccountsIn("Prod", "Prod-EU", "Dev").Except(OrganizationTree.SuspendedAccounts).Except(new[] { OrganizationTree.Account(30) });
        Assert.Equal(expected.OrderBy(a => a), subtree.Select(a => a.AccountId).OrderBy(a => a));
        Assert.Equal("Root/Workloads/Prod/Prod-EU", Assert.Single(subtree, a => a.AccountId == OrganizationTree.Account(16)).OrganizationalUnitPath);
    }

    [Fact]
    public async Task A_member_account_is_denied_and_an_account_outside_has_no_organization()
    {
        var tree = OrganizationTree.Build(Emulator);

        var member = await Assert.ThrowsAsync<OrganizationsException>(() =>
            tree.Client(Emulator, Retry, Emulator.Aws.AddAccount(OrganizationTree.Account(5))).ListRootsAsync(CancellationToken.None));
        var outsider = await Assert.ThrowsAsync<OrganizationsException>(() =>
            tree.Client(Emulator, Retry, Emulator.Aws.AddAccount("999999999999")).DescribeOrganizationAsync(CancellationToken.None));
        var unknownOu = await Assert.ThrowsAsync<OrganizationsException>(() =>
            tree.Client(Emulator, Retry).ListAccountsForParentAsync("ou-emu1-99999999", CancellationToken.None));

        Assert.Equal(OrganizationsErrorCodes.AccessDenied, member.Code);
        Assert.Equal(OrganizationsErrorCodes.NotInUse, outsider.Code);
        Assert.Equal(OrganizationsErrorCodes.ParentNotFound, unknownOu.Code);
        Assert.False(unknownOu.IsTransient);
        Assert.NotNull(member.RecommendedAction);
    }

    [Fact]
    public async Task Throttling_is_retried_by_the_retry_policy()
    {
        var tree = OrganizationTree.Build(Emulator);
        Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequestsBare, Service = "organizations", Operation = "ListRoots", Remaining = 2 });

        var roots = await tree.Client(Emulator, Retry, log: Log).ListRootsAsync(CancellationToken.None);

        Assert.Equal("Root", Assert.Single(roots).Name);
        Assert.Equal(3, Emulator.Log.Entries.Count(e => e.Operation == "ListRoots"));
        Assert.True(Log.Has("DEBUG", "Organizations ListRoots -> 429 in"));
        Assert.True(Log.Has("DEBUG", "Organizations ListRoots -> 200 in"));
        Assert.Equal(2, Log.Messages.Count(m => m.StartsWith("VERBOSE: ListRoots:") && m.Contains("Trying again in")));
    }

    [Fact]
    public async Task The_AWS_CLI_reads_the_emulated_organization()
    {
        var tree = OrganizationTree.Build(Emulator);
        using var cli = new AwsCli(Emulator.BaseUrl);
        var keys = new AwsCredentials(tree.Management.AccessKeyId, tree.Management.SecretAccessKey);

        var accounts = await cli.RunAsync(keys, "organizations", "list-accounts");
        var units = await cli.RunAsync(keys, "organizations", "list-organizational-units-for-parent", "--parent-id", tree.Units["Workloads"]);
        var inProd = await cli.RunAsync(keys, "organizations", "list-accounts-for-parent", "--parent-id", tree.Units["Prod"]);
        var roots = await cli.RunAsync(keys, "organizations", "list-roots");
        var organization = await cli.RunAsync(keys, "organizations", "describe-organization");
        var missing = await cli.RunAsync(keys, "organizations", "list-accounts-for-parent", "--parent-id", "ou-emu1-99999999");

        Assert.True(accounts.ExitCode == 0, accounts.ToString());
        Assert.Equal(61, accounts.Json.GetProperty("Accounts").GetArrayLength());
        Assert.Equal(new[] { "Dev", "Prod" }, units.Json.GetProperty("OrganizationalUnits").EnumerateArray().Select(u => u.GetProperty("Name").GetString()).OrderBy(n => n));
        Assert.Equal(15, inProd.Json.GetProperty("Accounts").GetArrayLength());
        Assert.Equal("r-emu1", roots.Json.GetProperty("Roots")[0].GetProperty("Id").GetString());
        Assert.Equal(Organization.ManagementAccount, organization.Json.GetProperty("Organization").GetProperty("MasterAccountId").GetString());
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("ParentNotFoundException", missing.Stderr);
    }
}

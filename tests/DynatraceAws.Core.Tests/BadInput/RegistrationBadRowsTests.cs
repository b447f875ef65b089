using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Core.Tests.Support;
using Xunit;
using static DynatraceAws.Core.Tests.BadInput.Hostile;

namespace DynatraceAws.Core.Tests.BadInput;

/// <summary>
/// Register-DtAwsAccount fed CSV rows that are wrong in one cell each (missing or shifted columns
/// included): each fails alone at Validate naming its column and costs no request; the good rows
/// of the same run still end Onboarded.
/// </summary>
public sealed class RegistrationBadRowsTests : EmulatorTest
{
    private static readonly string[] Good = { "340000000001", "340000000002", "340000000003" };
    private const string Spare = "340000000009";

    /// <summary>A CSV row that is fine but for one cell.</summary>
    private static AccountRequest Row(Action<AccountRequest> spoil)
    {
        var row = new AccountRequest { AccountId = Spare, Region = new[] { "eu-west-1;us-east-1" } };
        spoil(row);
        return row;
    }

    public static IEnumerable<(string Field, string Label, AccountRequest Row)> BadRows()
    {
        foreach (var (label, value) in AccountIds) yield return ("AccountId", label, Row(r => r.AccountId = value));
        foreach (var (label, value) in ConnectionNames.Where(v => !string.IsNullOrWhiteSpace(v.Value) && v.Value!.Trim() == v.Value))
            yield return ("Name", label, Row(r => r.Name = value));
        foreach (var (label, value) in Regions) yield return ("Region", label, Row(r => r.Region = new[] { "eu-west-1", value! }));
        foreach (var (label, value) in Hostile.FeatureSets) yield return ("FeatureSet", label, Row(r => r.FeatureSet = new[] { value! }));
        foreach (var (label, value) in Descriptions.Where(v => v.Value!.Trim().Length > 0 && v.Value.Trim() == v.Value)) // the engine trims CSV cells
            yield return ("Description", label, Row(r => r.Description = value));
        foreach (var (label, value) in IamNames.Where(v => !string.IsNullOrWhiteSpace(v.Value) && v.Value!.Trim() == v.Value))
        {
            yield return ("RoleName", label, Row(r => r.RoleName = value));
            if (label != "slash") yield return ("AssumeRoleName", label, Row(r => r.AssumeRoleName = value)); // team/Role is a role with a path
        }

        // CSV rows with a missing column (the others shift left) or an extra one (they shift right).
        yield return ("AccountId", "missing AccountId column: the name in its place", Row(r => { r.AccountId = "aws-prod"; r.Name = null; }));
        yield return ("AccountId", "missing AccountId cell", Row(r => r.AccountId = null));
        yield return ("Region", "extra column: the account id in the Region column", Row(r => r.Region = new[] { Spare }));
        yield return ("Region", "extra column: a feature set in the Region column", Row(r => r.Region = new[] { "Lambda_essential;EC2_essential" }));
        yield return ("Description", "extra column: the regions in the Description column", Row(r => r.Description = "eu-west-1;us-east-1"));
        yield return ("FeatureSet", "extra column: the description in the FeatureSet column", Row(r => r.FeatureSet = new[] { "aws prod account" }));
    }

    private RegistrationOptions RunOptions() => new()
    {
        Aws = AwsAccounts.Options(Emulator, Emulator.Aws.AddAccount(Organization.ManagementAccount), Organization.AccessRole),
        RoleArn = new RoleArnOptions { FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20) },
    };

    private async Task<IReadOnlyList<AccountResult>> RunAsync(RegistrationOptions options, params AccountRequest[] rows)
    {
        var results = new ConcurrentQueue<AccountResult>();
        await new AccountRegistration(Environment, options, Log, Retry).RunAsync(rows, Approve.All, results.Enqueue, CancellationToken.None);
        return results.ToArray();
    }

    [Fact]
    public async Task Each_bad_row_fails_at_Validate_naming_its_column_before_any_request()
    {
        var options = RunOptions();
        var problems = new List<string?>();
        foreach (var (field, label, row) in BadRows())
        {
            problems.Add(await ProblemAsync(label, field, Emulator.Log, async () =>
            {
                var result = Assert.Single(await RunAsync(options, row));
                if (result.Status != AccountStatus.Failed) return;
                if (result.Step != OnboardingStep.Validate) throw new Exception($"failed at {result.Step}: {result.Error}");
                throw result.GetException()!;
            }));
        }
        AssertAllRefused(problems);
    }

    [Fact]
    public async Task Run_settings_that_are_wrong_fail_every_row_before_any_request()
    {
        var cases = new (string Field, Action<RegistrationOptions> Spoil)[]
        {
            ("RoleName", o => o.RoleName = "Dynatrace Role"),
            ("RoleName", o => o.RoleName = "DynatraceRole\n"),
            ("PolicyNamePrefix", o => o.PolicyNamePrefix = "bad prefix "),
            ("PolicyNamePrefix", o => o.PolicyNamePrefix = new string('p', 110)),
            ("AssumeRoleName", o => o.Aws.AssumeRoleName = "Org Access"),
            ("Region", o => o.Region = new[] { "us east 1" }),
            ("FeatureSet", o => o.FeatureSet = new[] { "EC2\u0000" }),
        };
        var problems = new List<string?>();
        foreach (var (field, spoil) in cases)
        {
            var options = RunOptions();
            spoil(options);
            problems.Add(await ProblemAsync("(run setting)", field, Emulator.Log, async () =>
            {
                var result = Assert.Single(await RunAsync(options, new AccountRequest { AccountId = Spare }));
                if (result.Status != AccountStatus.Failed) return;
                if (result.Step != OnboardingStep.Validate) throw new Exception($"failed at {result.Step}: {result.Error}");
                throw result.GetException()!;
            }));
        }
        AssertAllRefused(problems);
    }

    [Fact]
    public async Task Good_rows_mixed_with_bad_ones_still_end_Onboarded()
    {
        Organization.SetUp(Emulator, Good);
        var bad = BadRows().Where((_, i) => i % 4 == 0).Select(b => b.Row).ToArray(); // a spread of every kind
        var rows = Good.Take(2).Select(a => new AccountRequest { AccountId = a })
            .Append(new AccountRequest { AccountId = " " + Good[2] + " ", Region = new[] { " eu-west-1 ; us-east-1 " } }) // CSV padding is trimmed
            .Concat(bad)
            .Select((r, i) => { r.Source = $"row {i + 2}"; return r; })
            .ToArray();

        var results = await RunAsync(RunOptions(), rows);

        Assert.Equal(rows.Length, results.Count);
        foreach (var account in Good)
            Assert.Equal(AccountStatus.Onboarded, Assert.Single(results, r => r.AccountId == account).Status);
        var failed = results.Where(r => !Good.Contains(r.AccountId)).ToArray();
        Assert.Equal(bad.Length, failed.Length);
        Assert.All(failed, r => Assert.Equal((AccountStatus.Failed, OnboardingStep.Validate), (r.Status, r.Step)));
        Assert.Equal(Good.Length, Emulator.Dynatrace.Connections.Count);
        Assert.Equal(Good.OrderBy(a => a), Emulator.Dynatrace.MonitoringConfigurations.Select(c => c.AccountId).OrderBy(a => a));
        var padded = Emulator.Dynatrace.MonitoringConfigurations.Single(c => c.AccountId == Good[2]).ValueJson;
        Assert.Contains("\"eu-west-1\"", padded);
        Assert.DoesNotContain(" eu-west-1", padded);
    }
}

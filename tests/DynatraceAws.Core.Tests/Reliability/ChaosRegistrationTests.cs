using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding.Registration;
using Xunit;
using Xunit.Abstractions;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>
/// 200 accounts while a tenth of the requests to Dynatrace, IAM and STS fail in every way the
/// emulator knows. The seed fixes the fault draws; which request meets which draw still depends
/// on thread timing, so a rerun reproduces the mix, not the exact sequence.
/// </summary>
public class ChaosRegistrationTests : FaultedRegistrationTest
{
    private const int Seed = 20261129;
    private const double FaultShare = 0.10;

    private readonly ITestOutputHelper _output;

    public ChaosRegistrationTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Onboards_200_accounts_through_10_percent_faults_everywhere_with_no_duplicate_and_no_orphan()
    {
        var members = Members(200);
        var options = await OptionsAsync(members);
        Emulator.Faults.Seed(Seed);
        var rules = FaultMix.Add(Emulator.Faults, FaultShare, DynatraceTimeout);
        var clock = Stopwatch.StartNew();

        var results = await RunAsync(options, Rows(members));

        clock.Stop();
        var audit = OnboardingAudit.Of(Emulator, members);
        var faults = Emulator.Faults.TotalFired;
        _output.WriteLine($"seed {Seed}: {members.Length} accounts, {faults} faults injected, {Retries} retries, " +
                          $"{audit.Complete} complete, {audit.Duplicates} duplicates, {audit.Orphans} orphans, {clock.Elapsed.TotalSeconds:0.0} s");
        _output.WriteLine("faults by kind: " + string.Join(", ", rules.GroupBy(r => r.Kind).Select(g => $"{g.Key} {g.Sum(r => r.Fired)}")));
        foreach (var failed in results.Where(r => r.Status != AccountStatus.Onboarded))
            _output.WriteLine($"{failed.AccountId}: {failed.Status} at {failed.Step}: {failed.ErrorId} {failed.Error}");

        Assert.Equal(members.Length, results.Count);
        Assert.All(results, r => Assert.Equal(AccountStatus.Onboarded, r.Status));
        Assert.Equal(new OnboardingAudit(members.Length, Duplicates: 0, Orphans: 0), audit);
        Assert.InRange(faults, 100, 1000);
        // Each fault costs at most about one retry; 409s and AWS latency cost none.
        Assert.InRange(Retries, faults / 2, 2 * faults);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(45));
    }
}

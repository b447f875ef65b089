using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>
/// One endpoint that never recovers: the accounts that need it fail at their step with an ErrorId,
/// those already onboarded are untouched, and once it recovers a rerun completes the rest.
/// </summary>
public class HardFailureRegistrationTests : FaultedRegistrationTest
{
    private const string MonitoringConfigurationsPath = "/platform/extensions/v2/extensions/com.dynatrace.extension.da-aws/monitoring-configurations";

    [Fact]
    public Task Monitoring_configurations_answering_503_fail_the_new_accounts_at_Configuration_and_a_rerun_completes_them() =>
        FailThenRecoverAsync(new FaultRule { Service = "dynatrace", Method = "POST", PathPrefix = MonitoringConfigurationsPath, Kind = FaultKind.ServiceUnavailable },
            OnboardingStep.Configuration, "DynatraceUnavailable", orphansLeft: 15);

    [Fact]
    public Task CreateRole_throttled_forever_fails_the_new_accounts_at_Role_and_a_rerun_completes_them() =>
        FailThenRecoverAsync(new FaultRule { Service = "iam", Operation = "CreateRole", Kind = FaultKind.IamThrottling },
            OnboardingStep.Role, "IamThrottling", orphansLeft: 15 + 2 * 15);

    /// <param name="orphansLeft">What the failed accounts leave until the rerun: a connection without configuration
    /// (and without role when the role failed, its two policies then attached to nothing).</param>
    private async Task FailThenRecoverAsync(FaultRule outage, string failedStep, string errorId, int orphansLeft)
    {
        var members = Members(20);
        var onboardedBefore = members.Take(5).ToArray();
        var options = await OptionsAsync(members);
        await RunAsync(options, Rows(onboardedBefore));

        Emulator.Faults.Add(outage);
        var during = await RunAsync(options, Rows(members));

        Assert.All(during.Where(r => onboardedBefore.Contains(r.AccountId)), r => Assert.Equal(AccountStatus.Unchanged, r.Status));
        var failed = during.Where(r => !onboardedBefore.Contains(r.AccountId)).ToArray();
        Assert.Equal(15, failed.Length);
        Assert.All(failed, r =>
        {
            Assert.Equal(AccountStatus.Failed, r.Status);
            Assert.Equal(failedStep, r.Step);
            Assert.Equal(errorId, r.ErrorId);
            Assert.NotEmpty(r.Error!);
        });

        Assert.Equal(new OnboardingAudit(onboardedBefore.Length, Duplicates: 0, orphansLeft), OnboardingAudit.Of(Emulator, members));

        Emulator.Faults.Clear();
        var after = await RunAsync(options, Rows(members));

        Assert.Equal(15, after.Count(r => r.Status == AccountStatus.Onboarded));
        Assert.Equal(5, after.Count(r => r.Status == AccountStatus.Unchanged));
        Assert.Equal(new OnboardingAudit(members.Length, Duplicates: 0, Orphans: 0), OnboardingAudit.Of(Emulator, members));
    }
}

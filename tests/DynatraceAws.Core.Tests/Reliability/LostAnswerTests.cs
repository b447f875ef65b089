using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Onboarding.Registration;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.Reliability;

/// <summary>Every write of an account succeeds once with its answer lost: the retries must find, not duplicate.</summary>
public class LostAnswerTests : FaultedRegistrationTest
{
    private const string SettingsObjects = "/platform/classic/environment-api/v2/settings/objects";
    private const string MonitoringConfigurations = "/platform/extensions/v2/extensions/com.dynatrace.extension.da-aws/monitoring-configurations";

    [Fact]
    public async Task An_account_whose_every_first_write_loses_its_answer_is_onboarded_once()
    {
        var account = Members(1);
        var options = await OptionsAsync(account);
        var lostAnswers = new[]
        {
            LoseFirstAnswer("dynatrace", method: "POST", path: SettingsObjects),
            LoseFirstAnswer("dynatrace", method: "PUT", path: SettingsObjects),
            LoseFirstAnswer("dynatrace", method: "POST", path: MonitoringConfigurations),
            LoseFirstAnswer("iam", operation: "CreatePolicy"),
            LoseFirstAnswer("iam", operation: "CreateRole"),
            LoseFirstAnswer("iam", operation: "AttachRolePolicy"),
            LoseFirstAnswer("sts", operation: "AssumeRole"),
        };

        var result = Assert.Single(await RunAsync(options, Rows(account)));

        Assert.Equal(AccountStatus.Onboarded, result.Status);
        Assert.All(lostAnswers, rule => Assert.Equal(1, rule.Fired));
        Assert.Equal(new OnboardingAudit(1, Duplicates: 0, Orphans: 0), OnboardingAudit.Of(Emulator, account));
    }

    private FaultRule LoseFirstAnswer(string service, string? method = null, string? path = null, string? operation = null) =>
        Emulator.Faults.Add(new FaultRule
        {
            Kind = FaultKind.ProcessThenDropConnection, Service = service, Method = method, PathPrefix = path, Operation = operation, Remaining = 1,
        });
}

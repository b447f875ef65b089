using System;
using System.Management.Automation;
using DynatraceAws.Core.Dynatrace.Account;

namespace DynatraceAws.Commands
{
    /// <summary>
    /// Sets up seed 000's prerequisites in the account as one plan: the onboarding policy, a service user
    /// bound to it, and a platform token with the five onboarding scopes; a rerun changes nothing.
    /// </summary>
    [Cmdlet(VerbsData.Initialize, "DtAwsOnboarding", SupportsShouldProcess = true)]
    [OutputType(typeof(OnboardingPrerequisites))]
    public sealed class InitializeDtAwsOnboardingCommand : DtAccountCmdlet
    {
        /// <summary>The name of the policy, the service user and the token.</summary>
        [Parameter(Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = AwsOnboardingSetup.DefaultName;

        /// <summary>The environment to bind the policy in and to scope the token to; with it, a new token comes back as a ready connection.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? EnvironmentUrl { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string? EnvironmentId { get; set; }

        [Parameter]
        public DateTime ExpirationDate { get; set; } = DateTime.UtcNow.AddDays(90);

        /// <summary>Makes the new token's environment connection the session's, as Connect-DtEnvironment does.</summary>
        [Parameter]
        public SwitchParameter Connect { get; set; }

        protected override void ProcessRecord()
        {
            var setup = new AwsOnboardingSetup(Account, Log);
            PlanAndApply(ct => setup.PlanAsync(Name, EnvironmentUrl, EnvironmentId, new DateTimeOffset(ExpirationDate.ToUniversalTime()), ct),
                EnvironmentUrl ?? EnvironmentId ?? Name, Write);
        }

        private void Write(OnboardingPrerequisites result)
        {
            if (Connect && result.Connection != null) ConnectionStore.Environment.Connect(result.Connection);
            else if (Connect)
                WriteWarning(result.Token is null
                    ? $"Platform token '{result.TokenName}' ({result.TokenId}) already existed and its secret is shown only once: not connected. " +
                      "Connect with the secret you stored, or remove the token with Remove-DtPlatformToken and run again."
                    : "Pass -EnvironmentUrl to connect with the new token.");
            WriteObject(result);
        }
    }
}

using System.Linq;
using DynatraceAws.Core.Onboarding;

namespace DynatraceAws.Commands.Completion
{
    /// <summary>-ConfigurationId: the ids of the environment's monitoring configurations, read live, found and listed by description and account too.</summary>
    public sealed class ConfigurationIdCompleter : LiveCompleter
    {
        public ConfigurationIdCompleter()
            : base(async (environment, ct) =>
                (await new MonitoringConfigurations(environment).ListAsync(ct).ConfigureAwait(false))
                .Select(c => new Candidate(c.ConfigurationId, $"{c.Description} ({c.AccountId})")))
        {
        }
    }
}

using System;
using System.Linq;
using DynatraceAws.Core.Onboarding;
using Emulated = DynatraceAws.Emulator.Dynatrace.DaAwsCatalogue;
using Xunit;

namespace DynatraceAws.Core.Tests.Onboarding
{
    /// <summary>Tab completion offers what the emulated extension accepts; each states it on its own.</summary>
    public class DaAwsCatalogueTests
    {
        [Fact]
        public void Completion_offers_exactly_the_feature_sets_and_regions_the_emulated_extension_accepts()
        {
            Assert.Equal(Emulated.FeatureSets.OrderBy(f => f, StringComparer.Ordinal),
                DaAwsCatalogue.FeatureSets.OrderBy(f => f, StringComparer.Ordinal));
            Assert.Equal(Emulated.Regions.OrderBy(r => r, StringComparer.Ordinal), DaAwsCatalogue.Regions);
        }
    }
}

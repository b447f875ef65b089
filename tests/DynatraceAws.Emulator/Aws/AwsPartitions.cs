using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Aws;

/// <summary>AWS's partitions and their regions, as partitions.json (shared/contracts/aws) states them.</summary>
internal static class AwsPartitions
{
    private static readonly Dictionary<string, IReadOnlySet<string>> RegionsById = Load();

    public static IReadOnlyCollection<string> Ids => RegionsById.Keys;

    /// <summary>
    /// The regions a partition lists that also match its region pattern: real regions, without the
    /// pseudo-regions of its global endpoints (aws-global, aws-cn-global, ...).
    /// </summary>
    public static IReadOnlySet<string> Regions(string partitionId) => RegionsById[partitionId];

    private static Dictionary<string, IReadOnlySet<string>> Load()
    {
        using var document = EmbeddedFile.Json("contracts/aws/partitions.json");
        return document.RootElement.GetProperty("partitions").EnumerateArray().ToDictionary(
            partition => partition.GetProperty("id").GetString()!,
            partition =>
            {
                var pattern = new Regex(partition.GetProperty("regionRegex").GetString()!);
                return (IReadOnlySet<string>)partition.GetProperty("regions").EnumerateObject()
                    .Select(region => region.Name).Where(name => pattern.IsMatch(name)).ToHashSet();
            });
    }
}

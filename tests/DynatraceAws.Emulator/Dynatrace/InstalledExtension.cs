using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>An extension in the environment: its versions (ascending) and the active one.</summary>
public sealed record InstalledExtension(string Name, IReadOnlyList<string> Versions, string ActiveVersion)
{
    public string LatestVersion => Versions[^1];

    public static IReadOnlyList<string> Sorted(IEnumerable<string> versions) =>
        versions.Distinct().OrderBy(System.Version.Parse).ToArray();
}

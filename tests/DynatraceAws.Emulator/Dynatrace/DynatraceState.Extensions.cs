using System;
using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.Emulator.Dynatrace;

public sealed partial class DynatraceState
{
    private readonly Dictionary<string, InstalledExtension> _extensions = new(StringComparer.Ordinal);

    /// <summary>The installed extensions, by name.</summary>
    public IReadOnlyList<InstalledExtension> Extensions
    {
        get
        {
            lock (_gate) return _extensions.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToArray();
        }
    }

    /// <summary>Installs an extension with exactly these versions, or replaces what is installed.</summary>
    public void SetExtension(string name, IEnumerable<string> versions, string activeVersion)
    {
        var sorted = InstalledExtension.Sorted(versions);
        if (!sorted.Contains(activeVersion)) throw new ArgumentException($"{activeVersion} is not among the versions.", nameof(activeVersion));
        lock (_gate) _extensions[name] = new InstalledExtension(name, sorted, activeVersion);
    }

    public InstalledExtension? FindExtension(string name)
    {
        lock (_gate) return _extensions.GetValueOrDefault(name);
    }

    internal static ApiError ExtensionNotInstalled(string name) => ApiError.NotFound($"Extension {name} is not installed.");

    /// <summary>Adds a hub version (the newest when none is named) and activates it; repeating it changes nothing.</summary>
    internal Outcome<InstalledExtension> InstallFromHub(string name, string? version)
    {
        if (name != DaAwsCatalogue.ExtensionName) return ApiError.NotFound($"Extension {name} not found in the hub.");
        version ??= DaAwsCatalogue.HubVersions[^1];
        if (!DaAwsCatalogue.HubVersions.Contains(version)) return ApiError.NotFound($"Version {version} of {name} not found in the hub.");
        lock (_gate)
        {
            var versions = _extensions.TryGetValue(name, out var installed) ? installed.Versions.Append(version) : [version];
            return _extensions[name] = new InstalledExtension(name, InstalledExtension.Sorted(versions), version);
        }
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using DynatraceAws.Tests;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// The module as the README's build publishes it (design.md, "Assembly isolation"): the cmdlet
/// assembly alone at the root, DynatraceAws.Core and every library it needs under dependencies/.
/// </summary>
[Collection(PublishedModuleCollection.Name)]
public class ModuleLayoutTests
{
    /// <summary>What both PowerShell editions provide; everything else the module ships itself.</summary>
    private static readonly string[] Platform = { "netstandard", "System.Management.Automation" };

    private readonly string _root;

    public ModuleLayoutTests(PublishedModule module) => _root = module.Folder;

    private string CmdletAssembly => Path.Combine(_root, "DynatraceAws.dll");

    private string Dependencies => Path.Combine(_root, "dependencies");

    [Fact]
    public void The_root_holds_only_the_cmdlet_assembly_manifest_format_file_help_licence_and_dependencies()
    {
        var entries = Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(new[] { "DynatraceAws.dll", "DynatraceAws.format.ps1xml", "DynatraceAws.pdb", "DynatraceAws.psd1", "LICENSE", "dependencies", "en-US" }, entries);
    }

    [Fact]
    public void The_module_ships_the_licence_its_manifest_names()
    {
        var manifest = File.ReadAllText(Path.Combine(_root, "DynatraceAws.psd1"));
        var licence = File.ReadAllText(Path.Combine(_root, "LICENSE"));

        Assert.Contains("LicenseUri   = 'https://www.apache.org/licenses/LICENSE-2.0'", manifest);
        Assert.Matches(@"^\s*Apache License\s+Version 2\.0, January 2004", licence);
        Assert.Contains("END OF TERMS AND CONDITIONS", licence);
    }

    [Fact]
    public void Dependencies_holds_exactly_what_the_cmdlet_assembly_needs_beyond_the_platform()
    {
        var needed = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(References(CmdletAssembly).Keys);
        while (pending.TryDequeue(out var name))
        {
            if (Platform.Contains(name) || !needed.Add(name)) continue;
            var file = Path.Combine(Dependencies, name + ".dll");
            if (File.Exists(file))
                foreach (var reference in References(file).Keys) pending.Enqueue(reference);
        }
        var shipped = Directory.GetFiles(Dependencies, "*.dll").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Contains("DynatraceAws.Core", needed);
        Assert.Contains("AWSSDK.Core", needed);
        Assert.Equal(needed, shipped);
        Assert.True(File.Exists(Path.Combine(Dependencies, "DynatraceAws.Core.pdb")), "DynatraceAws.Core.pdb belongs beside its assembly in dependencies/.");
    }

    [Fact]
    public void The_cmdlet_assembly_references_nothing_beyond_netstandard_2_0_and_Windows_PowerShell_5_1()
    {
        // The private load context is reached by reflection: a System.Runtime.Loader reference,
        // or a newer netstandard, would keep the module from loading in Windows PowerShell 5.1.
        var references = References(CmdletAssembly);

        Assert.Equal(new[] { "DynatraceAws.Core", "System.Management.Automation", "netstandard" }, references.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Version(2, 0, 0, 0), references["netstandard"]);
        Assert.Equal(new Version(3, 0, 0, 0), references["System.Management.Automation"]);
    }

    private static Dictionary<string, Version> References(string assembly)
    {
        using var pe = new PEReader(File.OpenRead(assembly));
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .ToDictionary(reference => metadata.GetString(reference.Name), reference => reference.Version);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace DynatraceAws.Tests;

public class CmdletContractTests
{
    private static readonly string[] ChangingVerbs = { "New", "Set", "Remove", "Install", "Register", "Unregister", "Enable", "Disable", "Grant", "Revoke", "Disconnect", "Sync" };

    [Fact]
    public void Every_cmdlet_follows_the_naming_rules()
    {
        Assert.NotEmpty(CmdletMetadata.Cmdlets);
        foreach (var cmdlet in CmdletMetadata.Cmdlets)
        {
            Assert.StartsWith("Dt", cmdlet.Noun);
            Assert.Equal($"{cmdlet.Verb}{cmdlet.Noun}Command", cmdlet.Type.Name);
            Assert.Equal("DynatraceAws.Commands", cmdlet.Type.Namespace);
            Assert.True(cmdlet.Type.IsSealed, $"{cmdlet.Type.Name} should be sealed");
        }
    }

    [Fact]
    public void Every_cmdlet_that_changes_something_supports_WhatIf_and_Confirm()
    {
        foreach (var cmdlet in CmdletMetadata.Cmdlets.Where(c => ChangingVerbs.Contains(c.Verb)))
            Assert.True(cmdlet.SupportsShouldProcess, $"{cmdlet.Name} must support ShouldProcess");
    }

    [Fact]
    public void Every_cmdlet_except_Disconnect_declares_its_output_type()
    {
        foreach (var cmdlet in CmdletMetadata.Cmdlets.Where(c => c.Verb != "Disconnect"))
            Assert.NotEmpty(CmdletMetadata.OutputTypes(cmdlet));
    }

    [Fact]
    public void Every_cmdlet_that_calls_an_environment_takes_Connection()
    {
        foreach (var cmdlet in CmdletMetadata.Cmdlets.Where(c => (c.Noun != "DtEnvironment" || c.Verb == "Get") && !CallsTheAccount(c) && !CallsOnlyAws(c)))
            Assert.Contains(CmdletMetadata.Parameters(cmdlet), p => p.Name == "Connection");
    }

    [Fact]
    public void No_public_type_of_the_cmdlet_assembly_names_a_Core_type_in_its_base_types_or_interfaces()
    {
        // PowerShell loads the public types, with their base types and interfaces, while it looks for
        // the module's initializer: before DependencyIsolation can resolve DynatraceAws.Core from dependencies/.
        var core = typeof(DynatraceAws.Core.Errors.Failure).Assembly;
        foreach (var type in typeof(DynatraceAws.Commands.DtCmdlet).Assembly.GetExportedTypes())
        for (var baseType = type; baseType != null; baseType = baseType.BaseType)
        foreach (var named in baseType.GetInterfaces().Append(baseType).SelectMany(WithGenericArguments))
            Assert.False(named.Assembly == core, $"{type.FullName} names {named.FullName} of DynatraceAws.Core in its base types or interfaces: the module would not import.");
    }

    private static IEnumerable<Type> WithGenericArguments(Type type) =>
        type.GetGenericArguments().SelectMany(WithGenericArguments).Append(type);

    [Fact]
    public void Listing_the_organization_needs_no_Dynatrace_environment() =>
        Assert.DoesNotContain(CmdletMetadata.Parameters(CmdletMetadata.ByName("Get-DtAwsOrganizationAccount")), p => p.Name == "Connection");

    private static bool CallsOnlyAws(CmdletMetadata.CmdletInfo cmdlet) => cmdlet.Name == "Get-DtAwsOrganizationAccount";

    /// <summary>Connect-DtAccount and the cmdlets of the account management API, which take -AccountConnection instead.</summary>
    private static bool CallsTheAccount(CmdletMetadata.CmdletInfo cmdlet) =>
        cmdlet.Noun == "DtAccount" || CmdletMetadata.Parameters(cmdlet).Any(p => p.Name == "AccountConnection");

    [Fact]
    public void No_cmdlet_declares_a_common_parameter_or_a_bool_switch()
    {
        var reserved = new[] { "Confirm", "WhatIf", "Verbose", "Debug", "ErrorAction", "ErrorVariable", "OutVariable", "OutBuffer", "WarningAction", "WarningVariable" };
        foreach (var cmdlet in CmdletMetadata.Cmdlets)
        foreach (var parameter in CmdletMetadata.Parameters(cmdlet))
        {
            Assert.DoesNotContain(parameter.Name, reserved);
            Assert.NotEqual(typeof(bool), parameter.Property.PropertyType);
        }
    }

    [Fact]
    public void Secrets_are_only_accepted_as_SecureString()
    {
        foreach (var cmdlet in CmdletMetadata.Cmdlets)
        foreach (var parameter in CmdletMetadata.Parameters(cmdlet))
            if (Regex.IsMatch(parameter.Name, "(Token|Secret|SecretKey|Password)$", RegexOptions.IgnoreCase))
                Assert.Equal(typeof(System.Security.SecureString), parameter.Property.PropertyType);
    }

    [Fact]
    public void The_manifest_exports_exactly_the_cmdlets_of_the_assembly_and_its_version()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoRoot.Path, "DynatraceAws.psd1"));
        var block = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        var exported = Regex.Matches(block, @"'([^']+)'").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(exported.Distinct().Count(), exported.Length);
        Assert.Equal(CmdletMetadata.Cmdlets.Select(c => c.Name).OrderBy(n => n), exported.OrderBy(n => n));

        var props = File.ReadAllText(Path.Combine(RepoRoot.Path, "Directory.Build.props"));
        var version = Regex.Match(props, "<ModuleVersion>([^<]+)</ModuleVersion>").Groups[1].Value;
        Assert.Contains($"ModuleVersion          = '{version}'", manifest);
    }

    [Fact]
    public void The_manifest_declares_what_a_gallery_shows_and_both_editions_from_5_1()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoRoot.Path, "DynatraceAws.psd1"));

        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop', 'Core'\)", manifest);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", manifest);
        var tags = Regex.Matches(Regex.Match(manifest, @"Tags\s*=\s*@\(([^)]*)\)").Groups[1].Value, @"'([^']+)'").Select(m => m.Groups[1].Value);
        Assert.Superset(new HashSet<string> { "Dynatrace", "AWS", "PSEdition_Desktop", "PSEdition_Core" }, tags.ToHashSet());
        Assert.Matches(@"LicenseUri\s*=\s*'https://", manifest);
        Assert.Matches(@"ReleaseNotes\s*=\s*'[^']{20,}'", manifest);
        // The project's public address is a release input: build.ps1 -Task Package -ProjectUri writes it (tests/pester/Package.Tests.ps1).
        Assert.DoesNotContain("ProjectUri", manifest);
    }

    [Fact]
    public void Every_output_type_has_a_table_view()
    {
        var format = File.ReadAllText(Path.Combine(RepoRoot.Path, "src", "DynatraceAws", "DynatraceAws.format.ps1xml"));
        foreach (var type in CmdletMetadata.Cmdlets.SelectMany(CmdletMetadata.OutputTypes).Distinct())
            Assert.Contains($"<TypeName>{type.FullName}</TypeName>", format);
    }
}

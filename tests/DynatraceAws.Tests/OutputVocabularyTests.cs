using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>
/// The outputs speak one vocabulary and export as they read: no property that ConvertTo-Json writes as
/// a number or Export-Csv as a type name, Changed wherever a command creates or changes something,
/// id parameters named for what they identify, one meaning of -Region, and table views that name
/// properties their types have.
/// </summary>
public class OutputVocabularyTests
{
    private static readonly string[] ChangingVerbs = { "New", "Set", "Enable", "Disable", "Grant", "Install", "Register", "Unregister", "Sync", "Initialize" };

    public static IEnumerable<object[]> OutputTypes =>
        CmdletMetadata.Cmdlets.SelectMany(CmdletMetadata.OutputTypes).Distinct().Select(t => new object[] { t });

    [Theory]
    [MemberData(nameof(OutputTypes))]
    public void Every_property_exports_as_it_reads(Type type)
    {
        var problems = new List<string>();
        Check(type, type.Name, problems, new HashSet<Type>());
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Check(Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        if (!seen.Add(type)) return;
        foreach (var property in type.GetProperties())
        {
            var name = $"{path}.{property.Name}";
            var value = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (value.IsEnum) problems.Add($"{name} is the enum {value.Name}: ConvertTo-Json writes its number. Make it text, as AccountStatus is.");
            if (value == typeof(TimeSpan)) problems.Add($"{name} is a TimeSpan: ConvertTo-Json writes a 15-field object. Give seconds as a number, as DurationSeconds is.");
            if (value == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(value)) continue;
            if (value.GetMethod(nameof(ToString), Type.EmptyTypes)!.DeclaringType == typeof(object))
                problems.Add($"{name} is a {value.Name}: Export-Csv writes its type name. Use ReportList or ReportDictionary, whose text is the items.");
            foreach (var item in value.GetInterfaces().Append(value).Where(i => i.IsGenericType).SelectMany(i => i.GetGenericArguments())
                         .Where(i => i.Assembly == typeof(Core.Errors.Failure).Assembly))
                Check(item, $"{name}[]", problems, seen);
        }
    }

    [Fact]
    public void Every_command_that_creates_or_changes_something_says_whether_it_did()
    {
        var without = CmdletMetadata.Cmdlets.Where(c => ChangingVerbs.Contains(c.Verb))
            .SelectMany(c => CmdletMetadata.OutputTypes(c).Where(t => t.GetProperty("Changed")?.PropertyType != typeof(bool)).Select(t => $"{c.Name}: {t.Name}"))
            .ToArray();
        Assert.True(without.Length == 0, "These outputs have no bool Changed: " + string.Join(", ", without));
    }

    [Fact]
    public void Id_parameters_name_what_they_identify_and_keep_the_bare_name_as_an_alias()
    {
        var bare = CmdletMetadata.Cmdlets.SelectMany(c => CmdletMetadata.Parameters(c).Where(p => p.Name is "Id" or "Uuid").Select(p => $"{c.Name} -{p.Name}")).ToArray();
        Assert.True(bare.Length == 0, "Name these for what they identify (-CredentialId, -PolicyUuid), with the bare name as an alias: " + string.Join(", ", bare));
        Assert.Contains("Id", CmdletMetadata.Parameter(CmdletMetadata.ByName("Remove-DtAwsCredential"), "CredentialId").NamesAndAliases);
        Assert.Contains("Uuid", CmdletMetadata.Parameter(CmdletMetadata.ByName("Remove-DtIamPolicy"), "PolicyUuid").NamesAndAliases);
    }

    [Fact]
    public void Region_always_means_regions_to_monitor_and_EndpointRegion_the_AWS_endpoint()
    {
        foreach (var cmdlet in CmdletMetadata.Cmdlets)
        foreach (var parameter in CmdletMetadata.Parameters(cmdlet).Where(p => p.NamesAndAliases.Contains("Region")))
            Assert.True(parameter.Name == "Region" && parameter.Property.PropertyType == typeof(string[]),
                $"{cmdlet.Name} -{parameter.Name}: -Region is the regions to monitor (string[]) everywhere; an AWS endpoint region is -EndpointRegion.");

        var aws = CmdletMetadata.Cmdlets.Where(c => typeof(Commands.DtAwsCmdlet).IsAssignableFrom(c.Type)).ToArray();
        Assert.Contains(aws, c => c.Name == "Test-DtAwsAccount");
        foreach (var cmdlet in aws)
            Assert.Equal(typeof(string), CmdletMetadata.Parameter(cmdlet, "EndpointRegion").Property.PropertyType);
    }

    [Fact]
    public void Every_column_of_a_table_view_names_a_property_of_its_type()
    {
        var format = XDocument.Load(Path.Combine(RepoRoot.Path, "src", "DynatraceAws", "DynatraceAws.format.ps1xml"));
        // The output types, and the items of their lists that PowerShell shows on their own, such as a test result's Checks.
        var types = CmdletMetadata.Cmdlets.SelectMany(CmdletMetadata.OutputTypes)
            .SelectMany(t => t.GetProperties().Select(p => p.PropertyType).Where(p => p.IsGenericType).SelectMany(p => p.GetGenericArguments()).Append(t))
            .Where(t => t.Assembly == typeof(Core.Errors.Failure).Assembly)
            .Distinct().ToDictionary(t => t.FullName!);
        var problems = new List<string>();
        foreach (var view in format.Descendants("View"))
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            if (!types.TryGetValue(typeName, out var type))
            {
                problems.Add($"{typeName}: no cmdlet outputs it.");
                continue;
            }
            var named = view.Descendants("PropertyName").Select(p => p.Value)
                .Concat(view.Descendants("ScriptBlock").SelectMany(s => Regex.Matches(s.Value, @"\$_\.(\w+)").Select(m => m.Groups[1].Value)));
            problems.AddRange(named.Where(name => type.GetProperty(name) is null).Select(name => $"{typeName}: has no property {name}."));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using DynatraceAws.HelpCompiler;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>
/// Get-Help answers for every cmdlet: each has a docs/ page that states its parameters as the code
/// declares them, and en-US/ holds exactly what docs/ compiles to.
/// </summary>
public class HelpTests
{
    private const string Regenerate = "run ./build.ps1 -Task Docs (or dotnet run --project tools/HelpCompiler) and commit en-US/.";
    private static readonly string Docs = Path.Combine(RepoRoot.Path, "docs");
    private static readonly string[] ShouldProcessParameters = { "WhatIf", "Confirm" };

    public static IEnumerable<object[]> CmdletNames => CmdletMetadata.Cmdlets.Select(c => new object[] { c.Name });

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_cmdlet_has_a_page_with_a_synopsis_and_two_examples(string cmdlet)
    {
        var page = Page(cmdlet);
        Assert.False(string.IsNullOrWhiteSpace(page.Synopsis), $"docs/{cmdlet}.md: write the ## SYNOPSIS.");
        Assert.True(page.Examples.Count >= 2, $"docs/{cmdlet}.md has {page.Examples.Count} example(s); write at least two under ## EXAMPLES.");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void One_example_of_the_cmdlet_is_a_CSV_pipeline(string cmdlet)
    {
        var csv = Page(cmdlet).Examples.Where(e => e.Code.Contains("Import-Csv") || e.Code.Contains("Export-Csv")).ToArray();
        Assert.True(csv.Any(e => e.Code.Contains(cmdlet)),
            $"docs/{cmdlet}.md: add an example where {cmdlet} reads the rows of a CSV file (Import-Csv) or writes one (Export-Csv).");
    }

    [Fact]
    public void Every_page_is_for_a_cmdlet_of_the_module()
    {
        var cmdlets = CmdletMetadata.Cmdlets.Select(c => c.Name).ToHashSet();
        var strays = HelpCompilation.CommandPages(Docs).Select(Path.GetFileNameWithoutExtension).Where(name => !cmdlets.Contains(name!)).ToArray();
        Assert.True(strays.Length == 0, $"docs/ documents cmdlets the module does not have: {string.Join(", ", strays)}. Remove or rename the pages.");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_page_documents_exactly_the_parameters_of_the_cmdlet(string cmdlet)
    {
        var info = CmdletMetadata.ByName(cmdlet);
        var declared = CmdletMetadata.Parameters(info).Select(p => p.Name)
            .Concat(info.SupportsShouldProcess ? ShouldProcessParameters : Array.Empty<string>())
            .ToHashSet();
        var documented = Page(cmdlet).Parameters.Select(p => p.Name).ToHashSet();

        var undocumented = declared.Except(documented).OrderBy(n => n).ToArray();
        var unknown = documented.Except(declared).OrderBy(n => n).ToArray();
        Assert.True(undocumented.Length == 0 && unknown.Length == 0,
            $"docs/{cmdlet}.md: add a '### -Name' section with a yaml block for {Listed(undocumented)}; remove the sections of {Listed(unknown)}, which the cmdlet does not have.");
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_page_states_each_parameter_as_the_code_declares_it(string cmdlet)
    {
        var page = Page(cmdlet);
        var problems = new List<string>();
        var parameters = CmdletMetadata.Parameters(CmdletMetadata.ByName(cmdlet));

        var codeSets = parameters.Select(p => p.ParameterSet).OfType<string>().Distinct().OrderBy(s => s).ToArray();
        var expectedSets = codeSets.Length == 0 ? new[] { "__AllParameterSets" } : codeSets;
        var pageSets = page.Syntax.Select(s => s.ParameterSet).OrderBy(s => s).ToArray();
        if (!pageSets.SequenceEqual(expectedSets))
            problems.Add($"## SYNTAX has the parameter sets {string.Join(", ", pageSets)}; the cmdlet has {string.Join(", ", expectedSets)}.");

        foreach (var parameter in parameters)
        {
            var section = page.Parameters.FirstOrDefault(p => p.Name == parameter.Name);
            if (section is null) continue;
            var type = TypeName(parameter.Property.PropertyType);
            if (section.First.Type != type) problems.Add($"-{parameter.Name}: Type is {section.First.Type}, the code says {type}.");
            var aliases = CmdletMetadata.Aliases(parameter.Property).OrderBy(a => a).ToArray();
            if (!section.First.Aliases.OrderBy(a => a).SequenceEqual(aliases))
                problems.Add($"-{parameter.Name}: Aliases are '{string.Join(", ", section.First.Aliases)}', the code says '{string.Join(", ", aliases)}'.");

            var wildcards = parameter.Property.GetCustomAttributesData().Any(a => a.AttributeType == typeof(SupportsWildcardsAttribute));
            if (section.First.AcceptsWildcards != wildcards)
                problems.Add($"-{parameter.Name}: Accept wildcard characters is {section.First.AcceptsWildcards}, the code says {wildcards} ([SupportsWildcards]).");

            var set = parameter.ParameterSet ?? ParameterUsage.AllParameterSets;
            var usage = section.Usages.FirstOrDefault(u => u.ParameterSets.Contains(set));
            if (usage is null)
            {
                problems.Add($"-{parameter.Name}: no yaml block has 'Parameter Sets: {set}'.");
                continue;
            }
            if (usage.Required != parameter.Mandatory) problems.Add($"-{parameter.Name} in parameter set {set}: Required is {usage.Required}, the code says {parameter.Mandatory}.");
            var position = Position(parameter);
            if (!usage.Position.Equals(position, StringComparison.OrdinalIgnoreCase)) problems.Add($"-{parameter.Name} in parameter set {set}: Position is {usage.Position}, the code says {position}.");
            var pipeline = PipelineInput(parameter);
            if (!usage.PipelineInput.Equals(pipeline, StringComparison.OrdinalIgnoreCase))
                problems.Add($"-{parameter.Name} in parameter set {set}: Accept pipeline input is {usage.PipelineInput}, the code says {pipeline}.");
        }
        Assert.True(problems.Count == 0, $"docs/{cmdlet}.md disagrees with the cmdlet:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void The_page_names_the_output_types_of_the_cmdlet(string cmdlet)
    {
        var declared = CmdletMetadata.OutputTypes(CmdletMetadata.ByName(cmdlet)).Select(t => t.FullName!).OrderBy(n => n).ToArray();
        var expected = declared.Length == 0 ? new[] { "None" } : declared;
        var documented = Page(cmdlet).Outputs.Select(o => o.TypeName).OrderBy(n => n).ToArray();
        Assert.True(documented.SequenceEqual(expected),
            $"docs/{cmdlet}.md: ## OUTPUTS names {string.Join(", ", documented)}; the cmdlet's [OutputType] says {string.Join(", ", expected)}.");
    }

    [Fact]
    public void The_committed_help_in_en_US_is_what_docs_compiles_to()
    {
        IReadOnlyList<CompiledHelpFile> compiled;
        try
        {
            compiled = HelpCompilation.Compile(Docs);
        }
        catch (AggregateException ex)
        {
            throw new Xunit.Sdk.XunitException("The pages in docs/ break the schema:\n" + string.Join("\n", ex.InnerExceptions.Select(e => e.Message)));
        }

        foreach (var file in compiled)
        {
            var path = Path.Combine(RepoRoot.Path, "en-US", file.FileName);
            Assert.True(File.Exists(path), $"en-US/{file.FileName} is missing: {Regenerate}");
            var committed = File.ReadAllText(path).Replace("\r\n", "\n");
            if (committed != file.Content)
                Assert.Fail($"en-US/{file.FileName} is out of date with docs/: {Regenerate}\n{FirstDifference(committed, file.Content)}");
        }
    }

    private static CommandHelp Page(string cmdlet)
    {
        var path = Path.Combine(Docs, cmdlet + ".md");
        Assert.True(File.Exists(path),
            $"docs/{cmdlet}.md is missing. Copy a page such as docs/New-DtAwsConnection.md, rename it, describe {cmdlet} (synopsis, syntax, every parameter, two examples), then {Regenerate}");
        try
        {
            return CommandHelpReader.Read(path);
        }
        catch (HelpPageException ex)
        {
            throw new Xunit.Sdk.XunitException(ex.Message);
        }
    }

    // How PlatyPS names a parameter's type: the full name, and T for T? (PowerShell binds both alike).
    private static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type).FullName!;

    private static string Position(CmdletMetadata.ParameterInfo parameter)
    {
        var attribute = parameter.Property.GetCustomAttributesData()
            .First(a => a.AttributeType == typeof(ParameterAttribute) && Named(a, "ParameterSetName") as string == parameter.ParameterSet);
        return Named(attribute, "Position") is int position and >= 0 ? position.ToString(CultureInfo.InvariantCulture) : "Named";
    }

    private static object? Named(System.Reflection.CustomAttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(n => n.MemberName == name).TypedValue.Value;

    private static string PipelineInput(CmdletMetadata.ParameterInfo parameter) => (parameter.ByValue, parameter.ByPropertyName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "-" + n));

    private static string FirstDifference(string committed, string compiled)
    {
        var left = committed.Split('\n');
        var right = compiled.Split('\n');
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line]) line++;
        return $"First difference at line {line + 1}:\n  committed: {(line < left.Length ? left[line] : "(end of file)")}\n  compiled:  {(line < right.Length ? right[line] : "(end of file)")}";
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DynatraceAws.HelpCompiler;

/// <summary>Reads a PlatyPS cmdlet page (docs/&lt;Verb-Noun&gt;.md) and checks it against the schema.</summary>
public static class CommandHelpReader
{
    public const string CommandDocumentType = "cmdlet";

    private static readonly string[] SectionOrder =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private static readonly string[] RequiredFrontMatter = { "document type", "external help file", "Module Name", "Locale", "title" };

    // A parameter in a syntax line: "-Name" after a space or "[", never the hyphen of the command name.
    private static readonly Regex SyntaxParameter = new(@"(?:^|[\s\[])-(\w+)");

    /// <summary>Whether the file's front matter says document type: cmdlet (the about page does not).</summary>
    public static bool IsCommandPage(string path)
    {
        var frontMatter = PageOutline.FrontMatterOf(path);
        return frontMatter != null && frontMatter.TryGetValue("document type", out var type) && type == CommandDocumentType;
    }

    public static CommandHelp Read(string path)
    {
        var page = PageOutline.Read(path);
        CheckFrontMatter(page);
        CheckSectionOrder(page);

        var synopsis = string.Join(" ", PlainText.Paragraphs(page.Require("SYNOPSIS").Blocks, path));
        if (synopsis.Length == 0) throw new HelpPageException(path, page.Require("SYNOPSIS").Line, "The synopsis is empty.");
        var description = PlainText.Paragraphs(page.Require("DESCRIPTION").Blocks, path);
        if (description.Count == 0) throw new HelpPageException(path, page.Require("DESCRIPTION").Line, "The description is empty.");

        var parameters = ReadParameters(page);
        var syntax = ReadSyntax(page, parameters);
        return new CommandHelp(
            page.Title,
            synopsis,
            description,
            syntax,
            ReadExamples(page),
            parameters,
            ReadTypes(page, "INPUTS"),
            ReadTypes(page, "OUTPUTS"),
            PlainText.Paragraphs(page.Require("NOTES").Blocks, path),
            ReadLinks(page));
    }

    private static void CheckFrontMatter(PageOutline page)
    {
        foreach (var key in RequiredFrontMatter)
            if (!page.FrontMatter.TryGetValue(key, out var value) || value.Length == 0)
                throw new HelpPageException(page.Path, 1, $"The front matter lacks '{key}'.");
        if (page.FrontMatter["document type"] != CommandDocumentType)
            throw new HelpPageException(page.Path, 1, $"document type must be '{CommandDocumentType}'.");
        if (page.FrontMatter["title"] != page.Title)
            throw new HelpPageException(page.Path, page.TitleLine, $"The # heading '{page.Title}' differs from the front matter title '{page.FrontMatter["title"]}'.");
        if (Path.GetFileNameWithoutExtension(page.Path) != page.Title)
            throw new HelpPageException(page.Path, page.TitleLine, $"The file must be named {page.Title}.md.");
    }

    private static void CheckSectionOrder(PageOutline page)
    {
        var names = page.Sections.Select(s => s.Name).ToArray();
        if (!names.SequenceEqual(SectionOrder))
            throw new HelpPageException(page.Path, page.TitleLine,
                $"The ## sections must be, in this order: {string.Join(", ", SectionOrder)}. Found: {string.Join(", ", names)}.");
    }

    private static IReadOnlyList<ParameterHelp> ReadParameters(PageOutline page)
    {
        var parameters = new List<ParameterHelp>();
        foreach (var section in page.Require("PARAMETERS").Subsections.Where(s => s.Name != "CommonParameters"))
        {
            if (!section.Name.StartsWith("-", StringComparison.Ordinal))
                throw new HelpPageException(page.Path, section.Line, $"A parameter heading is '### -Name', not '### {section.Name}'.");
            var yamlBlocks = section.Blocks.OfType<FencedCodeBlock>().Where(b => b.Info == "yaml").ToList();
            if (yamlBlocks.Count == 0) throw new HelpPageException(page.Path, section.Line, $"{section.Name} has no ```yaml block.");
            var firstYaml = section.Blocks.IndexOf(yamlBlocks[0]);
            if (section.Blocks.Skip(firstYaml).Any(b => !yamlBlocks.Contains(b)))
                throw new HelpPageException(page.Path, section.Line, $"{section.Name}: put the description above the yaml block.");

            var usages = yamlBlocks.Select(b => ParameterYaml.Read(b, page.Path)).ToList();
            if (usages.Any(u => u.Type != usages[0].Type || u.DefaultValue != usages[0].DefaultValue || !u.Aliases.SequenceEqual(usages[0].Aliases)))
                throw new HelpPageException(page.Path, section.Line, $"{section.Name}: Type, Aliases and Default value must be the same in every yaml block.");
            parameters.Add(new ParameterHelp(section.Name.Substring(1), PlainText.Paragraphs(section.Blocks.Take(firstYaml), page.Path), usages));
        }
        return parameters;
    }

    private static IReadOnlyList<SyntaxHelp> ReadSyntax(PageOutline page, IReadOnlyList<ParameterHelp> parameters)
    {
        var syntax = new List<SyntaxHelp>();
        foreach (var set in page.Require("SYNTAX").Subsections)
        {
            var code = set.Blocks.OfType<FencedCodeBlock>().SingleOrDefault()
                ?? throw new HelpPageException(page.Path, set.Line, $"Parameter set '{set.Name}' needs exactly one fenced block with the syntax line.");
            var line = Regex.Replace(PlainText.Code(code), @"\s+", " ").Trim();
            if (!line.StartsWith(page.Title + " ", StringComparison.Ordinal) && line != page.Title)
                throw new HelpPageException(page.Path, code.Line + 1, $"The syntax line must start with {page.Title}.");

            var name = set.Name.Replace("(Default)", "").Trim();
            var inLine = SyntaxParameter.Matches(line).Select(m => m.Groups[1].Value).ToList();
            var ofSet = parameters.Where(p => p.Usages.Any(u => u.Covers(name))).Select(p => p.Name).ToList();
            var missing = ofSet.Except(inLine, StringComparer.OrdinalIgnoreCase).ToList();
            var unknown = inLine.Except(ofSet, StringComparer.OrdinalIgnoreCase).ToList();
            if (missing.Count > 0 || unknown.Count > 0)
                throw new HelpPageException(page.Path, code.Line + 1,
                    $"The syntax of '{name}' and the PARAMETERS section disagree. Only in PARAMETERS: {Listed(missing)}; only in the syntax: {Listed(unknown)}.");
            syntax.Add(new SyntaxHelp(name, line, inLine.Select(n => ofSet.First(p => p.Equals(n, StringComparison.OrdinalIgnoreCase))).ToArray()));
        }
        if (syntax.Count == 0) throw new HelpPageException(page.Path, page.Require("SYNTAX").Line, "SYNTAX needs one ### heading per parameter set.");

        foreach (var parameter in parameters)
        foreach (var set in parameter.Usages.SelectMany(u => u.ParameterSets).Where(s => s != ParameterUsage.AllParameterSets))
            if (syntax.All(s => s.ParameterSet != set))
                throw new HelpPageException(page.Path, page.Require("SYNTAX").Line, $"-{parameter.Name} names the parameter set '{set}', which SYNTAX does not have.");
        return syntax;
    }

    private static IReadOnlyList<ExampleHelp> ReadExamples(PageOutline page)
    {
        return page.Require("EXAMPLES").Subsections.Select(example =>
        {
            var code = example.Blocks.OfType<FencedCodeBlock>().ToList();
            if (code.Count == 0) throw new HelpPageException(page.Path, example.Line, $"Example '{example.Name}' has no fenced code block.");
            return new ExampleHelp(
                example.Name,
                string.Join("\n\n", code.Select(PlainText.Code)),
                PlainText.Paragraphs(example.Blocks.Where(b => b is not FencedCodeBlock), page.Path));
        }).ToArray();
    }

    private static IReadOnlyList<TypeHelp> ReadTypes(PageOutline page, string sectionName)
    {
        var section = page.Require(sectionName);
        if (section.Subsections.Count == 0)
            throw new HelpPageException(page.Path, section.Line, $"{sectionName} needs a ### heading per type (### None when there is none).");
        return section.Subsections.Select(t => new TypeHelp(t.Name, PlainText.Paragraphs(t.Blocks, page.Path))).ToArray();
    }

    private static IReadOnlyList<LinkHelp> ReadLinks(PageOutline page) =>
        page.Require("RELATED LINKS").Blocks
            .SelectMany(b => b.Descendants<LinkInline>())
            .Select(l => new LinkHelp(PlainText.Inline(l), PlainText.IsWebAddress(l.Url) ? l.Url! : ""))
            .ToArray();

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(n => "-" + n));
}

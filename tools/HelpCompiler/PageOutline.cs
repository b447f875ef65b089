using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace DynatraceAws.HelpCompiler;

/// <summary>A page cut along its headings: front matter, the H1 title, H2 sections and their H3 subsections.</summary>
internal sealed class PageOutline
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private PageOutline(string path, IReadOnlyDictionary<string, string> frontMatter, string title, int titleLine, IReadOnlyList<Section> sections)
    {
        Path = path;
        FrontMatter = frontMatter;
        Title = title;
        TitleLine = titleLine;
        Sections = sections;
    }

    public string Path { get; }
    public IReadOnlyDictionary<string, string> FrontMatter { get; }
    public string Title { get; }
    public int TitleLine { get; }
    public IReadOnlyList<Section> Sections { get; }

    public static PageOutline Read(string path)
    {
        var document = Parse(path);
        var frontMatter = FrontMatterOf(document)
            ?? throw new HelpPageException(path, 1, "The page must start with front matter between --- lines.");

        var titles = document.OfType<HeadingBlock>().Where(h => h.Level == 1).ToList();
        if (titles.Count != 1) throw new HelpPageException(path, 1, "The page must have exactly one # heading: the command or topic name.");
        var title = PlainText.Inline(titles[0].Inline);

        var sections = new List<Section>();
        foreach (var block in document.Skip(document.IndexOf(titles[0]) + 1))
        {
            if (block is HeadingBlock { Level: 2 } h2) sections.Add(new Section(PlainText.Inline(h2.Inline), h2.Line + 1));
            else if (sections.Count == 0) throw new HelpPageException(path, block.Line + 1, "Text between the # heading and the first ## section.");
            else if (block is HeadingBlock { Level: 3 } h3) sections[^1].Subsections.Add(new Subsection(PlainText.Inline(h3.Inline), h3.Line + 1));
            else if (block is HeadingBlock other) throw new HelpPageException(path, other.Line + 1, $"Heading level {other.Level} is not part of the schema.");
            else if (sections[^1].Subsections.Count > 0) sections[^1].Subsections[^1].Blocks.Add(block);
            else sections[^1].Blocks.Add(block);
        }
        return new PageOutline(path, frontMatter, title, titles[0].Line + 1, sections);
    }

    public Section Require(string name) =>
        Sections.FirstOrDefault(s => s.Name == name) ?? throw new HelpPageException(Path, TitleLine, $"The ## {name} section is missing.");

    /// <summary>The key: value lines of the front matter, or null when the page has none.</summary>
    public static IReadOnlyDictionary<string, string>? FrontMatterOf(string path) => FrontMatterOf(Parse(path));

    private static MarkdownDocument Parse(string path) => Markdown.Parse(File.ReadAllText(path), Pipeline);

    private static IReadOnlyDictionary<string, string>? FrontMatterOf(MarkdownDocument document)
    {
        if (document.FirstOrDefault() is not YamlFrontMatterBlock yaml) return null;
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in yaml.Lines.Lines.Take(yaml.Lines.Count).Select(l => l.ToString()))
        {
            var colon = line.IndexOf(':');
            if (colon > 0) values[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim().Trim('\'', '"');
        }
        return values;
    }

    public sealed record Section(string Name, int Line)
    {
        public List<Block> Blocks { get; } = new();
        public List<Subsection> Subsections { get; } = new();
    }

    public sealed record Subsection(string Name, int Line)
    {
        public List<Block> Blocks { get; } = new();
    }
}

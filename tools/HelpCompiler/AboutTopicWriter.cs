using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig.Syntax;

namespace DynatraceAws.HelpCompiler;

/// <summary>
/// Turns docs/about_*.md into the plain-text about topic PowerShell shows: TOPIC first, each ## as an
/// upper-case heading, ### indented under it, text wrapped at 80 columns.
/// </summary>
public static class AboutTopicWriter
{
    private const int Width = 80;
    private const string Indent = "    ";

    public static string Write(string path)
    {
        var page = PageOutline.Read(path);
        if (Path.GetFileNameWithoutExtension(path) != page.Title)
            throw new HelpPageException(path, page.TitleLine, $"The file must be named {page.Title}.md.");

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(page.Title).Append('\n');
        foreach (var section in page.Sections)
        {
            text.Append('\n').Append(section.Name.ToUpperInvariant()).Append('\n');
            AppendBlocks(text, section.Blocks, Indent, path);
            foreach (var subsection in section.Subsections)
            {
                if (section.Blocks.Count > 0 || subsection != section.Subsections[0]) text.Append('\n');
                text.Append(Indent).Append(subsection.Name).Append('\n');
                AppendBlocks(text, subsection.Blocks, Indent + Indent, path);
            }
        }
        return text.ToString();
    }

    private static void AppendBlocks(StringBuilder text, IEnumerable<Block> blocks, string indent, string path)
    {
        var first = true;
        foreach (var block in blocks)
        {
            if (!first) text.Append('\n');
            first = false;
            switch (block)
            {
                case ParagraphBlock paragraph:
                    Wrap(text, PlainText.Inline(paragraph.Inline), indent, indent);
                    break;
                case FencedCodeBlock code:
                    foreach (var line in PlainText.Code(code).Split('\n')) text.Append((indent + Indent + line).TrimEnd()).Append('\n');
                    break;
                case ListBlock list:
                    var number = 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var bullet = list.IsOrdered ? $"{number++}. " : "- ";
                        var itemText = string.Join(" ", PlainText.Paragraphs(item, path));
                        Wrap(text, itemText, indent + bullet, indent + new string(' ', bullet.Length));
                    }
                    break;
                default:
                    throw new HelpPageException(path, block.Line + 1, $"{block.GetType().Name} has no plain-text form; use paragraphs, lists or fenced code.");
            }
        }
    }

    private static void Wrap(StringBuilder text, string words, string firstPrefix, string nextPrefix)
    {
        var line = new StringBuilder(firstPrefix);
        var lineHasWord = false;
        foreach (var word in words.Split(new[] { ' ', '\n' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (lineHasWord && line.Length + 1 + word.Length > Width)
            {
                text.Append(line).Append('\n');
                line.Clear().Append(nextPrefix);
                lineHasWord = false;
            }
            if (lineHasWord) line.Append(' ');
            line.Append(word);
            lineHasWord = true;
        }
        text.Append(line).Append('\n');
    }
}

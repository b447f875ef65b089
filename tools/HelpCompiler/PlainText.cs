using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DynatraceAws.HelpCompiler;

/// <summary>
/// Markdown blocks as the paragraphs Get-Help prints: markup removed, a list item per paragraph,
/// code kept line by line. A console has no bold or links, so only the words survive.
/// </summary>
internal static class PlainText
{
    public static IReadOnlyList<string> Paragraphs(IEnumerable<Block> blocks, string path)
    {
        var paragraphs = new List<string>();
        foreach (var block in blocks) Add(block, paragraphs, path);
        return paragraphs;
    }

    public static string Inline(ContainerInline? inline)
    {
        var text = new StringBuilder();
        Append(inline?.FirstChild, text);
        return text.ToString().Trim();
    }

    public static string Code(LeafBlock code) => string.Join("\n", code.Lines.Lines.Take(code.Lines.Count).Select(l => l.ToString().TrimEnd()));

    private static void Add(Block block, List<string> paragraphs, string path)
    {
        switch (block)
        {
            case ParagraphBlock paragraph:
                paragraphs.Add(Inline(paragraph.Inline));
                break;
            case FencedCodeBlock code:
                paragraphs.Add(Code(code));
                break;
            case ListBlock list:
                var number = 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var bullet = list.IsOrdered ? $"{number++}. " : "- ";
                    var itemText = Paragraphs(item, path);
                    paragraphs.Add(bullet + string.Join(" ", itemText));
                }
                break;
            default:
                throw new HelpPageException(path, block.Line + 1,
                    $"{block.GetType().Name} cannot be shown by Get-Help; use paragraphs, lists or fenced code.");
        }
    }

    private static void Append(Inline? inline, StringBuilder text)
    {
        for (var node = inline; node != null; node = node.NextSibling)
        {
            switch (node)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
                case LineBreakInline lineBreak: text.Append(lineBreak.IsHard ? "\n" : " "); break;
                case HtmlEntityInline entity: text.Append(entity.Transcoded.ToString()); break;
                case AutolinkInline autolink: text.Append(autolink.Url); break;
                case HtmlInline html: text.Append(html.Tag); break;
                case LinkInline link when IsWebAddress(link.Url):
                    Append(link.FirstChild, text);
                    text.Append(" (").Append(link.Url).Append(')');
                    break;
                case ContainerInline container: Append(container.FirstChild, text); break;
                default: throw new NotSupportedException($"Markdown inline {node.GetType().Name} has no plain-text form.");
            }
        }
    }

    public static bool IsWebAddress(string? url) =>
        url != null && (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
}

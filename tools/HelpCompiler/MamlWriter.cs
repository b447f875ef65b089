using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace DynatraceAws.HelpCompiler;

/// <summary>Writes command help as the MAML that PowerShell's help system reads from &lt;Assembly&gt;.dll-Help.xml.</summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    /// <returns>The whole file, "\n" line ends, so the committed copy compares byte for byte on any OS.</returns>
    public static string Write(IEnumerable<CommandHelp> commands)
    {
        var document = new XDocument(new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), commands.Select(CommandElement)));
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", NewLineChars = "\n", Encoding = new UTF8Encoding(false) };
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, settings)) document.Save(writer);
        return text + "\n";
    }

    private static XElement CommandElement(CommandHelp help) => new(Command + "command",
        new XAttribute(XNamespace.Xmlns + "maml", Maml),
        new XAttribute(XNamespace.Xmlns + "command", Command),
        new XAttribute(XNamespace.Xmlns + "dev", Dev),
        new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
        new XElement(Command + "details",
            new XElement(Command + "name", help.Name),
            new XElement(Command + "verb", help.Verb),
            new XElement(Command + "noun", help.Noun),
            Description(new[] { help.Synopsis })),
        Description(help.Description),
        new XElement(Command + "syntax", help.Syntax.Select(set => SyntaxItem(help, set))),
        new XElement(Command + "parameters", help.Parameters.Select(p => Parameter(p, p.First))),
        new XElement(Command + "inputTypes", help.Inputs.Select(t => TypeElement("inputType", t))),
        new XElement(Command + "returnValues", help.Outputs.Select(t => TypeElement("returnValue", t))),
        new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
        new XElement(Command + "examples", help.Examples.Select((e, i) => Example(e, i + 1))),
        new XElement(Command + "relatedLinks", help.RelatedLinks.Select(link => new XElement(Maml + "navigationLink",
            new XElement(Maml + "linkText", link.Text),
            new XElement(Maml + "uri", link.Uri)))));

    private static XElement SyntaxItem(CommandHelp help, SyntaxHelp set) => new(Command + "syntaxItem",
        new XElement(Maml + "name", help.Name),
        set.ParameterNames.Select(name =>
        {
            var parameter = help.Parameters.Single(p => p.Name == name);
            return Parameter(parameter, parameter.Usages.First(u => u.Covers(set.ParameterSet)));
        }));

    private static XElement Parameter(ParameterHelp parameter, ParameterUsage usage)
    {
        var isSwitch = usage.Type.EndsWith("SwitchParameter");
        return new XElement(Command + "parameter",
            new XAttribute("required", usage.Required ? "true" : "false"),
            new XAttribute("variableLength", usage.Type.EndsWith("[]") ? "true" : "false"),
            new XAttribute("globbing", usage.AcceptsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", usage.PipelineInput),
            new XAttribute("position", usage.Position.ToLowerInvariant()),
            new XAttribute("aliases", usage.Aliases.Count == 0 ? "none" : string.Join(", ", usage.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description),
            // A switch has no value to show after its name in the syntax.
            isSwitch ? null : new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), ShortName(usage.Type)),
            new XElement(Dev + "type", new XElement(Maml + "name", usage.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", usage.DefaultValue));
    }

    private static XElement TypeElement(string element, TypeHelp type) => new(Command + element,
        new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
        Description(type.Description));

    private static XElement Example(ExampleHelp example, int number) => new(Command + "example",
        new XElement(Maml + "title", $"--------- Example {number}: {TitleWithoutNumber(example.Title)} ---------"),
        new XElement(Dev + "code", example.Code),
        // The empty paragraph keeps Get-Help from running the remarks into the next example's title.
        new XElement(Dev + "remarks", Paragraphs(example.Remarks.Append(""))));

    private static XElement Description(IEnumerable<string> paragraphs) => new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) => paragraphs.Select(p => new XElement(Maml + "para", p));

    /// <summary>"Example 2: Rerun" becomes "Rerun"; the number is written from the example's place.</summary>
    private static string TitleWithoutNumber(string title)
    {
        var colon = title.IndexOf(':');
        return title.StartsWith("Example ") && colon > 0 ? title.Substring(colon + 1).Trim() : title;
    }

    private static string ShortName(string typeName) => typeName.Substring(typeName.LastIndexOf('.') + 1);

    private sealed class Utf8StringWriter : StringWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}

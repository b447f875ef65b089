using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace DynatraceAws.HelpCompiler;

/// <summary>Reads a parameter's yaml block, the classic PlatyPS keys, strictly: every key, known values only.</summary>
internal static class ParameterYaml
{
    private static readonly string[] Keys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters",
    };

    private static readonly string[] PipelineInputs = { "False", "True (ByValue)", "True (ByPropertyName)", "True (ByValue, ByPropertyName)" };

    public static ParameterUsage Read(FencedCodeBlock yaml, string path)
    {
        var line = yaml.Line + 1;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var text in PlainText.Code(yaml).Split('\n').Where(t => t.Trim().Length > 0))
        {
            var colon = text.IndexOf(':');
            var key = colon > 0 ? text.Substring(0, colon).Trim() : text.Trim();
            if (!Keys.Contains(key)) throw new HelpPageException(path, line, $"Unknown key '{key}' in the yaml block; the keys are: {string.Join(", ", Keys)}.");
            values[key] = text.Substring(colon + 1).Trim();
        }
        var missing = Keys.Where(k => !values.ContainsKey(k)).ToArray();
        if (missing.Length > 0) throw new HelpPageException(path, line, $"The yaml block lacks: {string.Join(", ", missing)}.");

        var pipelineInput = PipelineInputs.FirstOrDefault(p => p.Equals(values["Accept pipeline input"], StringComparison.OrdinalIgnoreCase))
            ?? throw new HelpPageException(path, line, $"Accept pipeline input must be one of: {string.Join(" | ", PipelineInputs)}.");
        return new ParameterUsage(
            NonEmpty(values["Type"], "Type"),
            List(NonEmpty(values["Parameter Sets"], "Parameter Sets")),
            List(values["Aliases"]),
            Boolean(values["Required"], "Required"),
            Position(values["Position"]),
            NonEmpty(values["Default value"], "Default value"),
            pipelineInput,
            Boolean(values["Accept wildcard characters"], "Accept wildcard characters"));

        string NonEmpty(string value, string key) =>
            value.Length > 0 ? value : throw new HelpPageException(path, line, $"{key} is empty.");

        bool Boolean(string value, string key) =>
            bool.TryParse(value, out var result) ? result : throw new HelpPageException(path, line, $"{key} must be True or False.");

        string Position(string value)
        {
            if (value.Equals("Named", StringComparison.OrdinalIgnoreCase)) return "Named";
            return int.TryParse(value, out var position) && position >= 0
                ? value
                : throw new HelpPageException(path, line, "Position must be Named or a number from 0.");
        }
    }

    private static IReadOnlyList<string> List(string value) =>
        value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToArray();
}

using System.Collections.Generic;
using System.Linq;

namespace DynatraceAws.HelpCompiler;

/// <summary>One cmdlet's help, as a PlatyPS markdown page states it. Text is plain: markdown markup removed.</summary>
public sealed record CommandHelp(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxHelp> Syntax,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LinkHelp> RelatedLinks)
{
    public string Verb => Name.Split('-')[0];
    public string Noun => Name.Substring(Name.IndexOf('-') + 1);
}

/// <summary>A parameter set: its name and the parameters of its syntax line, in the order written there.</summary>
public sealed record SyntaxHelp(string ParameterSet, string Line, IReadOnlyList<string> ParameterNames);

public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>
/// A parameter and its yaml blocks: one block, or one per group of parameter sets in which it binds
/// differently (the PlatyPS schema allows several).
/// </summary>
public sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterUsage> Usages)
{
    public ParameterUsage First => Usages[0];
}

public sealed record ParameterUsage(
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool AcceptsWildcards)
{
    public const string AllParameterSets = "(All)";

    public bool Covers(string parameterSet) => ParameterSets.Contains(AllParameterSets) || ParameterSets.Contains(parameterSet);
}

public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

public sealed record LinkHelp(string Text, string Uri);

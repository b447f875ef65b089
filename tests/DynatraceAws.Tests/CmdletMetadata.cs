using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using DynatraceAws.Commands;

namespace DynatraceAws.Tests;

/// <summary>
/// Reads the cmdlets' contract from their attribute data; no PowerShell host needed. The
/// attributes are read as metadata, not instantiated: PowerShellStandard.Library is a reference
/// assembly whose members have stub bodies.
/// </summary>
internal static class CmdletMetadata
{
    public sealed record CmdletInfo(Type Type, string Verb, string Noun, bool SupportsShouldProcess, string ConfirmImpact)
    {
        public string Name => Verb + "-" + Noun;
    }

    public sealed record ParameterInfo(PropertyInfo Property, bool Mandatory, bool ByPropertyName, bool ByValue, string? ParameterSet)
    {
        public string Name => Property.Name;
        public IEnumerable<string> NamesAndAliases => new[] { Property.Name }.Concat(Aliases(Property));
    }

    public static Assembly Module => typeof(DtCmdlet).Assembly;

    public static IReadOnlyList<CmdletInfo> Cmdlets { get; } = Module.GetTypes()
        .Where(t => t.IsPublic && !t.IsAbstract)
        .Select(t => (Type: t, Data: Attribute<CmdletAttribute>(t)))
        .Where(x => x.Data != null)
        .Select(x => new CmdletInfo(x.Type, (string)x.Data!.ConstructorArguments[0].Value!, (string)x.Data.ConstructorArguments[1].Value!,
            Named(x.Data, nameof(CmdletAttribute.SupportsShouldProcess)) is true,
            Named(x.Data, nameof(CmdletAttribute.ConfirmImpact)) is int impact ? ((ConfirmImpact)impact).ToString() : "Medium"))
        .ToArray();

    public static CmdletInfo ByName(string name) => Cmdlets.Single(c => c.Name == name);

    public static IReadOnlyList<ParameterInfo> Parameters(CmdletInfo cmdlet) =>
        cmdlet.Type.GetProperties()
            .SelectMany(p => p.GetCustomAttributesData().Where(a => a.AttributeType == typeof(ParameterAttribute))
                .Select(a => new ParameterInfo(p, Named(a, "Mandatory") is true, Named(a, "ValueFromPipelineByPropertyName") is true,
                    Named(a, "ValueFromPipeline") is true, Named(a, "ParameterSetName") as string)))
            .ToArray();

    public static ParameterInfo Parameter(CmdletInfo cmdlet, string name) => Parameters(cmdlet).First(p => p.Name == name);

    public static IReadOnlyList<Type> OutputTypes(CmdletInfo cmdlet) =>
        cmdlet.Type.GetCustomAttributesData().Where(a => a.AttributeType == typeof(OutputTypeAttribute))
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is ReadOnlyCollection<CustomAttributeTypedArgument> list ? list.Select(i => i.Value) : new[] { arg.Value })
            .OfType<Type>()
            .Where(t => t != typeof(void))
            .ToArray();

    public static IEnumerable<string> Aliases(MemberInfo member) =>
        member.GetCustomAttributesData().Where(a => a.AttributeType == typeof(AliasAttribute))
            .SelectMany(a => (ReadOnlyCollection<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(v => (string)v.Value!);

    private static CustomAttributeData? Attribute<T>(MemberInfo member) =>
        member.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType == typeof(T));

    private static object? Named(CustomAttributeData data, string name) =>
        data.NamedArguments.Where(n => n.MemberName == name).Select(n => n.TypedValue.Value).FirstOrDefault();
}

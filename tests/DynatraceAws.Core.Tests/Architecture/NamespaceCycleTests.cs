using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using DynatraceAws.Core.Plans;
using Xunit;

namespace DynatraceAws.Core.Tests.Architecture;

/// <summary>
/// Core's namespaces form no cycle: each one can be read on its own, with the ones it uses below it
/// (Secrets and Errors at the bottom, then Input, Http, the clients, Onboarding on top). Read from the
/// compiled IL, so every reference counts: signatures, base types and what method bodies call.
/// </summary>
public class NamespaceCycleTests
{
    private static readonly Assembly Core = typeof(Plan<>).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    [Fact]
    public void No_namespace_of_Core_depends_on_itself_through_others()
    {
        var graph = Uses();
        var cycles = Cycles(graph).Select(c => string.Join(" -> ", c.Select(Short)) + " -> " + Short(c[0])).ToArray();

        Assert.True(cycles.Length == 0, "Namespace cycles:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void The_check_sees_what_a_method_body_calls()
    {
        var graph = Uses();

        // InputRules is only ever called from method bodies, never named in a signature.
        Assert.Contains("DynatraceAws.Core.Input", graph["DynatraceAws.Core.Onboarding"]);
        Assert.Contains("DynatraceAws.Core.Secrets", graph["DynatraceAws.Core.Errors"]);
        Assert.DoesNotContain("DynatraceAws.Core.Onboarding", graph["DynatraceAws.Core.Errors"]);
    }

    private static string Short(string ns) => ns.Replace("DynatraceAws.Core.", "");

    private static Dictionary<string, HashSet<string>> Uses()
    {
        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var type in Core.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null) continue;
            if (!graph.TryGetValue(from, out var uses)) graph[from] = uses = new HashSet<string>(StringComparer.Ordinal);
            foreach (var used in Referenced(type).Select(NamespaceOf).Where(n => n != null && n != from)) uses.Add(used!);
        }
        return graph;
    }

    /// <summary>The namespace of Core a type belongs to (a nested or compiler-made type: its outermost one's); null outside Core.</summary>
    private static string? NamespaceOf(Type? type)
    {
        if (type is null) return null;
        if (type.IsGenericType && !type.IsGenericTypeDefinition) type = type.GetGenericTypeDefinition();
        if (type.HasElementType) return NamespaceOf(type.GetElementType());
        while (type.DeclaringType != null) type = type.DeclaringType;
        return type.Assembly == Core && type.Namespace != null ? type.Namespace : null;
    }

    private static IEnumerable<Type> Referenced(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type?> { type.BaseType };
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        var methods = type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all));
        foreach (var method in methods)
        {
            if (method is MethodInfo info) found.Add(info.ReturnType);
            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(InBody(type, method));
        }
        return found.Where(t => t != null).SelectMany(t => t!.IsGenericType ? t.GetGenericArguments().Append(t) : new[] { t! });
    }

    /// <summary>The types whose members a method body calls, reads, writes or makes.</summary>
    private static IEnumerable<Type?> InBody(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null) yield break;
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            var size = OperandSize(opCode.OperandType, il, at);
            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, at);
                Type? used;
                try
                {
                    var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    used = member as Type ?? member?.DeclaringType;
                }
                catch (ArgumentException)
                {
                    used = null;
                }
                yield return used;
            }
            at += size;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static IEnumerable<List<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        // Each namespace that can reach itself, with one path back: enough to say what to untangle.
        foreach (var start in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            var path = PathTo(graph, start, start, new HashSet<string>(StringComparer.Ordinal));
            if (path != null) yield return path;
        }
    }

    private static List<string>? PathTo(Dictionary<string, HashSet<string>> graph, string from, string target, HashSet<string> seen)
    {
        if (!graph.TryGetValue(from, out var next)) return null;
        foreach (var n in next.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (n == target) return new List<string> { from };
            if (!seen.Add(n)) continue;
            if (PathTo(graph, n, target, seen) is { } rest)
            {
                rest.Insert(0, from);
                return rest;
            }
        }
        return null;
    }
}

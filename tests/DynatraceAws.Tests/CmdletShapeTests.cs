using System;
using System.Collections.Generic;
using System.Linq;
using DynatraceAws.Commands;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>
/// A reader sees one cmdlet's parameters in at most two files: the cmdlet's own and the one base it
/// derives from. DtCmdlet, under every base, carries the runtime and declares no parameter.
/// </summary>
public class CmdletShapeTests
{
    [Fact]
    public void DtCmdlet_declares_no_parameter() =>
        Assert.DoesNotContain(typeof(DtCmdlet).GetProperties(), p => p.DeclaringType == typeof(DtCmdlet) && IsParameter(p));

    [Fact]
    public void Every_cmdlet_derives_from_DtCmdlet_through_at_most_one_base()
    {
        var tooDeep = CmdletMetadata.Cmdlets
            .Select(c => (c.Name, Chain: Bases(c.Type).TakeWhile(t => t != typeof(DtCmdlet)).Select(t => t.Name).ToArray()))
            .Where(c => c.Chain.Length > 1)
            .Select(c => $"{c.Name}: {string.Join(" -> ", c.Chain)} -> DtCmdlet")
            .ToArray();

        Assert.True(tooDeep.Length == 0, "Cmdlets more than one base above DtCmdlet:\n" + string.Join("\n", tooDeep));
    }

    [Fact]
    public void Every_cmdlet_declares_its_parameters_in_at_most_two_types()
    {
        var scattered = CmdletMetadata.Cmdlets
            .Select(c => (c.Name, Declaring: CmdletMetadata.Parameters(c).Select(p => p.Property.DeclaringType!.Name).Distinct().ToArray()))
            .Where(c => c.Declaring.Length > 2)
            .Select(c => $"{c.Name}: {string.Join(", ", c.Declaring)}")
            .ToArray();

        Assert.True(scattered.Length == 0, "Cmdlets whose parameters are declared in more than two types:\n" + string.Join("\n", scattered));
    }

    private static IEnumerable<Type> Bases(Type cmdlet)
    {
        for (var type = cmdlet.BaseType; type != null; type = type.BaseType) yield return type;
    }

    private static bool IsParameter(System.Reflection.PropertyInfo property) =>
        property.GetCustomAttributesData().Any(a => a.AttributeType == typeof(System.Management.Automation.ParameterAttribute));
}

using System;
using System.Linq;
using System.Reflection;
using DynatraceAws.Commands;
using Xunit;

namespace DynatraceAws.Tests;

/// <summary>
/// DtCmdlet.BeginProcessing makes -Debug show every stream without asking (issue 16, point 2), so
/// every cmdlet must run it: each override of BeginProcessing in the module calls its base first.
/// </summary>
public class BeginProcessingTests
{
    private const byte Nop = 0x00;
    private const byte LoadThis = 0x02;
    private const byte Call = 0x28;

    [Fact]
    public void Every_cmdlet_derives_from_DtCmdlet() =>
        Assert.Empty(CmdletMetadata.Cmdlets.Where(c => !typeof(DtCmdlet).IsAssignableFrom(c.Type)).Select(c => c.Name));

    [Fact]
    public void Every_override_of_BeginProcessing_calls_the_one_it_overrides_first()
    {
        var overrides = CmdletMetadata.Module.GetTypes()
            .Where(t => typeof(DtCmdlet).IsAssignableFrom(t) && t != typeof(DtCmdlet))
            .Select(t => t.GetMethod("BeginProcessing", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m != null)
            .ToArray();

        Assert.NotEmpty(overrides);
        Assert.Empty(overrides.Where(m => !CallsBaseFirst(m!)).Select(m => m!.DeclaringType!.Name));
    }

    /// <summary>Whether the method starts (after any nop) with this.BeginProcessing of its base type.</summary>
    private static bool CallsBaseFirst(MethodInfo method)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        var at = 0;
        while (at < il.Length && il[at] == Nop) at++;
        if (at + 6 > il.Length || il[at] != LoadThis || il[at + 1] != Call) return false;
        var called = method.Module.ResolveMethod(BitConverter.ToInt32(il, at + 2))!;
        var overridden = method.DeclaringType!.BaseType!.GetMethod("BeginProcessing", BindingFlags.Instance | BindingFlags.NonPublic)!;
        return called.MetadataToken == overridden.MetadataToken && called.Module == overridden.Module;
    }
}

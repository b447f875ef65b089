using System;
using System.Linq;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.EmulatorAws;

/// <summary>The emulator judges the module, so it borrows nothing from it: not its code, nor the SDK its signatures come from.</summary>
public sealed class EmulatorIndependenceTests
{
    [Fact]
    public void The_emulator_assembly_references_no_assembly_of_the_module_nor_the_AWS_SDK()
    {
        var referenced = typeof(EmulatorHost).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("Microsoft.AspNetCore.Http.Abstractions", referenced);
        Assert.DoesNotContain(referenced, name => name.StartsWith("DynatraceAws.", StringComparison.Ordinal));
        Assert.DoesNotContain(referenced, name => name.StartsWith("AWSSDK.", StringComparison.Ordinal));
    }
}

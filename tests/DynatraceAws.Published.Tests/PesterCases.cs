using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// Makes the method one xUnit case per It of tests/pester, its only argument the It's name, and
/// shows each under that name: as a theory's argument xUnit would cut it to 50 characters.
/// </summary>
[XunitTestCaseDiscoverer("DynatraceAws.Published.Tests.PesterCaseDiscoverer", "DynatraceAws.Published.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class PesterCasesAttribute : FactAttribute
{
}

public sealed class PesterCaseDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _sink;

    public PesterCaseDiscoverer(IMessageSink sink) => _sink = sink;

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        try
        {
            return PesterRun.Discover().Select(name => new PesterCase(_sink, display, displayOptions, method, name)).ToArray();
        }
        catch (Exception ex)
        {
            return new[] { new ExecutionErrorTestCase(_sink, display, displayOptions, method, ex.Message) };
        }
    }
}

/// <summary>One It; a test that calls Skip.If is reported skipped, as with [SkippableFact].</summary>
public sealed class PesterCase : SkippableFactTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public PesterCase()
    {
    }

    public PesterCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, string name)
        : base(new[] { typeof(Xunit.SkipException).FullName! }, sink, display, displayOptions, method, new object[] { name })
    {
    }

    protected override string GetDisplayName(IAttributeInfo factAttribute, string displayName) => "tests/pester/" + TestMethodArguments[0];
}

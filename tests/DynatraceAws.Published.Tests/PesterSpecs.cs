using System.Threading.Tasks;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>Each It of tests/pester is a case of its own, reported under its file and Describe/Context/It path.</summary>
[Collection(PublishedModuleCollection.Name)]
public class PesterSpecs
{
    private readonly PublishedModule _module;

    public PesterSpecs(PublishedModule module) => _module = module;

    [PesterCases]
    public async Task Spec(string name)
    {
        var results = await PesterRun.ResultsAsync(_module.Folder);
        Assert.True(results.TryGetValue(name, out var result), $"The Pester run did not report this It; it reported {results.Count} others.");
        Skip.If(result!.Result == "Skipped", result.Reason);
        Assert.True(result.Result == "Passed", $"{result.Result}: {result.Reason}");
    }
}

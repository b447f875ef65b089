using System;
using System.Diagnostics;
using System.IO;
using DynatraceAws.Tests;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>The README's build into a fresh folder, once per test run: the module exactly as a user gets it.</summary>
public sealed class PublishedModule : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "DynatraceAws-module-" + Guid.NewGuid().ToString("N")[..8]);

    public PublishedModule()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoRoot.Path };
        foreach (var argument in new[] { "publish", "src/DynatraceAws", "-c", "Release", "-o", Folder, "--nologo" }) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd() + stderr.Result;
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException("dotnet publish failed:\n" + output);
    }

    public string Folder => Path.Combine(_temp, "DynatraceAws");

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}

/// <summary>The test classes that need the published module share one publish.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedModuleCollection : ICollectionFixture<PublishedModule>
{
    public const string Name = "Published module";
}

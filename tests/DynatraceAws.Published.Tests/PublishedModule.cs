using System;
using System.IO;
using Xunit;

namespace DynatraceAws.Published.Tests;

/// <summary>The README's build into a fresh folder, once per test run: the module exactly as a user gets it.</summary>
public sealed class PublishedModule : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "DynatraceAws-module-" + Guid.NewGuid().ToString("N")[..8]);

    public PublishedModule() => Dotnet.Run("publish", "src/DynatraceAws", "-c", "Release", "-o", Folder, "--nologo");

    public string Folder => Path.Combine(_temp, "DynatraceAws");

    public void Dispose() => Directory.Delete(_temp, recursive: true);
}

/// <summary>The test classes that need the published module share one publish.</summary>
[CollectionDefinition(Name)]
public sealed class PublishedModuleCollection : ICollectionFixture<PublishedModule>
{
    public const string Name = "Published module";
}

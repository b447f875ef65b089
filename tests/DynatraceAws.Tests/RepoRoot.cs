using System;
using System.IO;

namespace DynatraceAws.Tests;

internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DynatraceAws.sln"))) return dir.FullName;
        throw new InvalidOperationException("DynatraceAws.sln not found above " + AppContext.BaseDirectory);
    }
}

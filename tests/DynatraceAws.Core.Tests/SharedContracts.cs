using System;
using System.IO;

namespace DynatraceAws.Core.Tests
{
    /// <summary>
    /// The read-only oracles next to the repository (../shared): contracts, references, seeds.
    /// Found from the test binaries by walking up to the folder holding DynatraceAws.sln.
    /// </summary>
    public static class SharedContracts
    {
        private static readonly Lazy<string> RootPath = new Lazy<string>(Locate);

        /// <summary>The shared folder beside the repository.</summary>
        public static string Root => RootPath.Value;

        /// <summary>A path under the shared folder, e.g. PathTo("contracts", "aws", "sigv4").</summary>
        public static string PathTo(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        private static string Locate()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                if (!File.Exists(Path.Combine(dir.FullName, "DynatraceAws.sln"))) continue;
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                if (!Directory.Exists(shared))
                    throw new DirectoryNotFoundException($"The repository root {dir.FullName} has no ../shared folder.");
                return shared;
            }
            throw new DirectoryNotFoundException(
                $"No DynatraceAws.sln above {AppContext.BaseDirectory}; cannot locate the shared contracts.");
        }
    }
}

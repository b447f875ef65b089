using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace DynatraceAws.Emulator;

/// <summary>
/// A file the csproj embeds in the emulator: a contract from shared/contracts (which nobody on the
/// project wrote), or a statement of the emulator's own. Nothing here comes from the module.
/// </summary>
internal static class EmbeddedFile
{
    public static JsonDocument Json(string name)
    {
        using var stream = Open(name);
        return JsonDocument.Parse(stream);
    }

    /// <summary>The lines that are neither blank nor comments (#).</summary>
    public static IReadOnlyList<string> Lines(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd().Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToArray();
    }

    private static Stream Open(string name) =>
        typeof(EmbeddedFile).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The emulator embeds no file {name}; see DynatraceAws.Emulator.csproj.");
}

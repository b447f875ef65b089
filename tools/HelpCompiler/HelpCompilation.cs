using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DynatraceAws.HelpCompiler;

/// <summary>A file of en-US/ and the text it must have.</summary>
public sealed record CompiledHelpFile(string FileName, string Content);

/// <summary>docs/ to en-US/: the cmdlet pages into one MAML file, each about_*.md into its about_*.help.txt.</summary>
public static class HelpCompilation
{
    public const string MamlFileName = "DynatraceAws.dll-Help.xml";

    public static IReadOnlyList<string> CommandPages(string docsFolder) =>
        Directory.GetFiles(docsFolder, "*.md")
            .Where(CommandHelpReader.IsCommandPage)
            .OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal)
            .ToArray();

    public static IReadOnlyList<string> AboutPages(string docsFolder) =>
        Directory.GetFiles(docsFolder, "about_*.md").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal).ToArray();

    /// <param name="onlineHelp">
    /// Where the pages are published (the folder, ending with a slash), or null. Each command's first
    /// related link then goes to its page there, which is where Get-Help -Online goes. The committed
    /// en-US/ has none: the project's public address is a release input (build.ps1 -Task Package).
    /// </param>
    /// <exception cref="AggregateException">Of <see cref="HelpPageException"/>, one per broken page.</exception>
    public static IReadOnlyList<CompiledHelpFile> Compile(string docsFolder, Uri? onlineHelp = null)
    {
        var errors = new List<HelpPageException>();
        var commands = new List<CommandHelp>();
        var files = new List<CompiledHelpFile>();
        foreach (var page in CommandPages(docsFolder))
            Collect(() => commands.Add(CommandHelpReader.Read(page)), errors);
        foreach (var page in AboutPages(docsFolder))
            Collect(() => files.Add(new CompiledHelpFile(Path.GetFileNameWithoutExtension(page) + ".help.txt", AboutTopicWriter.Write(page))), errors);
        if (errors.Count > 0) throw new AggregateException("The help pages break the schema.", errors);
        if (onlineHelp != null)
            commands = commands.Select(c => c with { RelatedLinks = c.RelatedLinks.Prepend(new LinkHelp("Online Version:", new Uri(onlineHelp, c.Name + ".md").AbsoluteUri)).ToArray() }).ToList();
        files.Insert(0, new CompiledHelpFile(MamlFileName, MamlWriter.Write(commands)));
        return files;
    }

    /// <summary>The folder with DynatraceAws.sln above <paramref name="start"/>.</summary>
    public static string FindRepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder != null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "DynatraceAws.sln"))) return folder.FullName;
        throw new InvalidOperationException("DynatraceAws.sln not found above " + start);
    }

    /// <summary>Reports every broken page in one run, not only the first.</summary>
    private static void Collect(Action read, List<HelpPageException> errors)
    {
        try
        {
            read();
        }
        catch (HelpPageException ex)
        {
            errors.Add(ex);
        }
    }
}

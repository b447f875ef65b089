using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using DynatraceAws.HelpCompiler;

// dotnet run --project tools/HelpCompiler [-- <docs folder> <output folder> [<online help address>]]
// Defaults: docs/ and en-US/ of the repository this tool is built in, and no online help (the
// address where the docs pages are published, which build.ps1 -Task Package passes).
var root = HelpCompilation.FindRepositoryRoot(AppContext.BaseDirectory);
var docs = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(root, "docs");
var output = args.Length > 1 ? Path.GetFullPath(args[1]) : Path.Combine(root, "en-US");
var online = args.Length > 2 ? new Uri(args[2].TrimEnd('/') + "/", UriKind.Absolute) : null;

IReadOnlyList<CompiledHelpFile> files;
try
{
    files = HelpCompilation.Compile(docs, online);
}
catch (AggregateException ex)
{
    foreach (var error in ex.InnerExceptions) Console.Error.WriteLine(error.Message);
    return 1;
}

Directory.CreateDirectory(output);
foreach (var file in files)
{
    // With a BOM: Windows PowerShell 5.1 reads an about_*.txt without one in the ANSI code page.
    File.WriteAllText(Path.Combine(output, file.FileName), file.Content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
    Console.WriteLine($"{docs} -> {Path.Combine(output, file.FileName)}");
}
return 0;

using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DynatraceAws.Published.Tests;

/// <summary>
/// Everything a user or a CI log could see of a hosted run: every stream of every command line,
/// every output object and every error record as PowerShell shows and stores them
/// (Format-List * -Force, Out-String, ConvertTo-Json -Depth 10, Export-Clixml, and Get-Error and
/// the strings of an error), every line written to the host, and every report file. <see cref="Leaks"/> says where a
/// secret turned up, never the secret itself.
/// </summary>
internal sealed class HostedSweep
{
    /// <summary>How PowerShell shows and stores $Item (saved to $Path), $Plain being $Item made plain; for an error record, Get-Error and its strings as well.</summary>
    private const string Render = """
        $Shown = if ($WithoutInvocation) { $Item | Select-Object * -ExcludeProperty InvocationInfo } else { $Item }
        'Format-List', ($Shown | Format-List * -Force | Out-String -Width 4096)
        'Out-String', ($Shown | Out-String -Width 4096)
        'ConvertTo-Json', ($Plain | ConvertTo-Json -Depth 10 -Compress -WarningAction SilentlyContinue)
        $Shown | Export-Clixml -Path $Path
        'Export-Clixml', (Get-Content -Raw -Path $Path)
        if ($Item -is [System.Management.Automation.ErrorRecord]) {
            if (-not $WithoutInvocation) { 'Get-Error', ($Item | Get-Error | Out-String -Width 4096) }
            'ToString', $Item.ToString()
            'Exception.ToString', $Item.Exception.ToString()
        }
        """;

    private readonly List<(string Where, string Text)> _texts = new();
    private readonly string _folder;

    public HostedSweep(string folder) => _folder = folder;

    public IReadOnlyList<(string Where, string Text)> Texts => _texts;

    public int ErrorRecords { get; private set; }

    public void Text(string where, string? text)
    {
        if (!string.IsNullOrEmpty(text)) _texts.Add((where, text));
    }

    /// <param name="argumentsHoldSecrets">
    /// The command line was given a secret as plain text on purpose (a password in a URL): the
    /// error record's InvocationInfo, where PowerShell keeps the command's arguments as typed, is
    /// left out of its renderings; everything the module put in the record is still swept.
    /// </param>
    public void Step(string label, Step step, HostedSession session, bool argumentsHoldSecrets = false)
    {
        foreach (var (item, index) in step.Output.Select((o, i) => (o, i))) Object($"{label} output[{index}]", item, session, false);
        foreach (var (error, index) in step.Errors.Select((e, i) => (e, i)))
        {
            ErrorRecords++;
            Object($"{label} error[{index}] {error.FullyQualifiedErrorId}", error, session, argumentsHoldSecrets);
        }
        foreach (var warning in step.Warnings) Text($"{label} warning", warning.Message);
        foreach (var verbose in step.Verbose) Text($"{label} verbose", verbose.Message);
        foreach (var debug in step.Debug) Text($"{label} debug", debug.Message);
        foreach (var information in step.Information) Text($"{label} information", information.MessageData?.ToString());
        foreach (var progress in step.Progress) Text($"{label} progress", $"{progress.Activity} | {progress.StatusDescription} | {progress.CurrentOperation}");
    }

    /// <summary>How many times the host was asked to prompt: a prompt under a non-interactive host fails the command.</summary>
    public int Prompts { get; private set; }

    public void Host(TestHost host)
    {
        Text("host", string.Join("\n", host.Written));
        Prompts = host.Prompts;
    }

    public void File(string label, string path) => Text($"{label} file {Path.GetFileName(path)}", System.IO.File.ReadAllText(path));

    private void Object(string where, object item, HostedSession session, bool withoutInvocation)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".clixml");
        var rendered = session.Run(Render, ("Item", item), ("Plain", Plain(item, 0, withoutInvocation)), ("Path", path), ("WithoutInvocation", withoutInvocation))
            .ThrowOnError();
        for (var i = 0; i + 1 < rendered.Output.Count; i += 2)
            Text($"{where} {rendered.Output[i]}", rendered.Output[i + 1]?.ToString());
    }

    /// <summary>
    /// The object as ConvertTo-Json walks it (PowerShell's view of its properties), to depth 10, as
    /// dictionaries, lists and values. Reflection and engine objects (an exception's TargetSite, an
    /// invocation's MyCommand, types, modules, assemblies) are written as their names: they hold
    /// nothing the module or the user wrote, and walked to depth 10 they are gigabytes of the
    /// runtime's and PowerShell's own metadata.
    /// </summary>
    private static object? Plain(object? value, int depth, bool withoutInvocation = false)
    {
        var bare = value is PSObject wrapped ? wrapped.BaseObject : value;
        switch (bare)
        {
            case null: return null;
            case string or ValueType: return bare;
            case MemberInfo or Module or Assembly or CommandInfo or PSModuleInfo or System.Security.SecureString: return bare.ToString();
        }
        if (depth >= 10) return bare.ToString();
        if (bare is IDictionary dictionary)
            return dictionary.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => Plain(dictionary[k], depth + 1));
        if (bare is IEnumerable list and not PSObject)
            return list.Cast<object?>().Select(item => Plain(item, depth + 1)).ToList();
        var properties = new Dictionary<string, object?>();
        foreach (var property in PSObject.AsPSObject(value!).Properties)
        {
            if (withoutInvocation && property.Name == nameof(ErrorRecord.InvocationInfo)) continue;
            object? member;
            try { member = property.Value; }
            catch (Exception ex) { member = $"<{ex.GetType().Name}>"; }
            properties[property.Name] = Plain(member, depth + 1);
        }
        return properties;
    }

    /// <summary>Where any of the secrets, or any text matching one of the shapes, turned up.</summary>
    /// <param name="secrets">Each is also looked for as a URL, a form and a JSON string encode it.</param>
    public IReadOnlyList<string> Leaks(IReadOnlyList<string> secrets, IReadOnlyList<Regex> shapes)
    {
        var forms = secrets.SelectMany((s, i) => Encoded(s).Select(f => (Form: f, Name: $"secret #{i}"))).ToArray();
        return _texts.SelectMany(t =>
                forms.Where(f => t.Text.Contains(f.Form, StringComparison.Ordinal)).Select(f => $"{f.Name} in {t.Where}")
                    .Concat(shapes.Select((r, i) => (r, i)).Where(s => s.r.IsMatch(t.Text)).Select(s => $"shape #{s.i} in {t.Where}")))
            .Distinct()
            .ToArray();
    }

    private static IEnumerable<string> Encoded(string secret) =>
        new[] { secret, Uri.EscapeDataString(secret), System.Net.WebUtility.UrlEncode(secret), JsonEncodedText.Encode(secret).ToString() }.Distinct();
}

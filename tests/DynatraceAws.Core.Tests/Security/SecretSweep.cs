using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using DynatraceAws.Core.Tests.Support;
using DynatraceAws.Emulator;

namespace DynatraceAws.Core.Tests.Security;

/// <summary>
/// Every text a user or a log could see: log messages and progress, exceptions (ToString, every
/// property, serialized where it is not text, Data; inner exceptions walked), result objects
/// serialized, the emulator's request log.
/// <see cref="Leaks"/> names where a secret turned up, never the secret itself.
/// </summary>
public sealed class SecretSweep
{
    private static readonly JsonSerializerOptions Json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };
    private readonly List<(string Where, string Text)> _texts = new();

    public int Count => _texts.Count;

    public void Text(string where, string? text)
    {
        if (!string.IsNullOrEmpty(text)) _texts.Add((where, text!));
    }

    public void Exception(string where, Exception? error)
    {
        for (var depth = 0; error != null && depth < 10; depth++, error = error.InnerException)
        {
            Text($"{where} [{depth}] {error.GetType().Name}.ToString()", error.ToString());
            foreach (var property in error.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            {
                if (property.Name is nameof(System.Exception.TargetSite) or nameof(System.Exception.InnerException)) continue;
                object? value;
                try { value = property.GetValue(error); }
                catch { continue; }
                if (value is string s) Text($"{where} [{depth}] .{property.Name}", s);
                else if (value is IEnumerable list and not IDictionary)
                    foreach (var item in list) Text($"{where} [{depth}] .{property.Name}[]", item is string text ? text : Serialized(item));
                else if (value is IDictionary data)
                    foreach (DictionaryEntry entry in data) Text($"{where} [{depth}] .{property.Name}[{entry.Key}]", Serialized(entry.Value));
                else if (value != null && !value.GetType().IsPrimitive && !value.GetType().IsEnum)
                    Text($"{where} [{depth}] .{property.Name}", Serialized(value));
            }
            if (error is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions) Exception(where + " (aggregate)", inner);
        }
    }

    private static string? Serialized(object? value)
    {
        if (value is null) return null;
        try { return JsonSerializer.Serialize(value, value.GetType(), Json); }
        catch (Exception ex) when (ex is NotSupportedException or InvalidOperationException) { return value.ToString(); }
    }

    /// <summary>A result as PowerShell would show it: its public properties serialized, and its ToString.</summary>
    public void Result(string where, object? result)
    {
        if (result is null) return;
        Text(where + " json", JsonSerializer.Serialize(result, result.GetType(), Json));
        Text(where + " ToString()", result.ToString());
        var error = result.GetType().GetMethod("GetException", Type.EmptyTypes)?.Invoke(result, null) as Exception;
        Exception(where + " GetException()", error);
    }

    public void Log(CollectingLog log)
    {
        foreach (var message in log.Messages) Text("log", message);
        foreach (var report in log.ProgressReports) Text("progress", report.Activity + " | " + report.Status);
    }

    public void Requests(RequestLog log)
    {
        foreach (var entry in log.Entries) Text("emulator request log", entry + " " + entry.Path);
    }

    public IReadOnlyList<string> Leaks(IEnumerable<string> secrets)
    {
        var list = secrets.ToArray();
        return _texts
            .SelectMany(t => list.Select((s, i) => (t.Where, Text: t.Text, Secret: s, Index: i)))
            .Where(x => x.Text.IndexOf(x.Secret, StringComparison.Ordinal) >= 0)
            .Select(x => $"secret #{x.Index} in {x.Where}")
            .Distinct()
            .ToArray();
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Input;
using DynatraceAws.Emulator;
using Xunit;

namespace DynatraceAws.Core.Tests.BadInput;

/// <summary>Hostile and malformed values, and the check that Core refuses one before it calls anything.</summary>
public static class Hostile
{
    public static readonly string TenThousand = new('a', 10_000);
    public static readonly string TenThousandDigits = new('1', 10_000);

    /// <summary>Values no text field accepts; each table below adds those of its own field.</summary>
    public static readonly (string Label, string? Value)[] Anywhere =
    {
        ("null", null),
        ("empty", ""),
        ("spaces", "   "),
        ("10k chars", TenThousand),
        ("NUL", "abc\0def"),
        ("newline inside", "abc\ndef"),
        ("trailing newline", "abcdef\n\n"),
        ("ANSI escape", "abc\u001b[31mdef"),
        ("bell and backspace", "abc\u0007\u0008def"),
    };

    /// <summary>Names that would read as another name or hide text: format characters (Unicode Cf) and their kin.</summary>
    public static readonly (string Label, string? Value)[] InvisibleInNames =
    {
        ("right-to-left override", "aws-\u202Eprod"),
        ("left-to-right embedding", "aws-\u202Aprod"),
        ("first strong isolate", "aws-\u2068prod\u2069"),
        ("right-to-left mark", "aws-prod\u200F"),
        ("Arabic letter mark", "aws\u061Cprod"),
        ("zero-width space", "aws\u200B-prod"),
        ("zero-width joiner", "aws\u200D-prod"),
        ("byte order mark", "\uFEFFaws-prod"),
        ("soft hyphen", "aws\u00ADprod"),
        ("line separator", "aws\u2028prod"),
        ("private use", "aws\uE000prod"),
        ("tag characters", "aws\U000E0070\U000E0077prod"),
        ("lone surrogate", "aws\uD800prod"),
    };

    public static readonly (string Label, string? Value)[] AccountIds = Anywhere.Concat(new (string, string?)[]
    {
        ("11 digits", "12345678901"),
        ("13 digits", "1234567890123"),
        ("letters", "12345678901a"),
        ("all letters", "abcdefghijkl"),
        ("inner spaces", "1234 5678 9012"),
        ("Arabic-Indic digits", "١٢٣٤٥٦٧٨٩٠١٢"),
        ("fullwidth digits", "１２３４５６７８９０１２"),
        ("Devanagari digits", "१२३४५६७८९०१२"),
        ("scientific notation", "1.23E+11"),
        ("Excel's rounding", "1.23457E+11"),
        ("decimal", "123456789012.0"),
        ("sign", "+12345678901"),
        ("hex", "0x1CBE991A14"),
        ("10k digits", TenThousandDigits),
        ("account then newline then account", "123456789012\n123456789012"),
        ("account with NUL", "123456789012\0"),
    }).ToArray();

    public static readonly (string Label, string? Value)[] ConnectionNames = Anywhere.Concat(new (string, string?)[]
    {
        ("two chars", "ab"),
        ("101 chars", new string('n', 101)),
        ("leading space", " aws-prod"),
        ("trailing space", "aws-prod "),
        ("colon", "aws:prod"),
        ("tab", "aws\tprod"),
        ("carriage return", "aws-prod\r"),
        ("DEL", "aws\u007fprod"),
        ("C1 control", "aws\u0085prod"),
    }).Concat(InvisibleInNames).ToArray();

    public static readonly (string Label, string? Value)[] Regions = new (string, string?)[]
    {
        ("spaces inside", "us east 1"),
        ("upper-case words", "US_EAST_1"),
        ("no number", "us-east"),
        ("digits first", "1-east-us"),
        ("NUL", "us-east-1\0"),
        ("newline inside", "us-east-1\nxx"),
        ("10k chars", "us-" + TenThousand + "-1"),
        ("unicode digit", "us-east-١"),
        ("accented letter", "eu-wést-1"),
        ("another partition", "cn-north-1"),
        ("GovCloud", "us-gov-west-1"),
        ("SQL", "us-east-1' OR '1'='1"),
        ("a feature set in the region column", "Lambda_essential"),
    };

    public static readonly (string Label, string? Value)[] Descriptions = Anywhere.Where(v => v.Value != null && v.Value.Trim().Length > 0)
        .Concat(new (string, string?)[]
        {
            ("starts with a digit", "1-prod"),
            ("space", "aws prod"),
            ("underscore", "aws_prod"),
            ("129 chars", "a" + new string('b', 128)),
            ("accented", "prodé"),
            ("regions in the description column", "eu-west-1;us-east-1"),
            ("trailing newline only", "aws-prod\n"),
            ("HTML", "<script>alert(1)</script>"),
        }).ToArray();

    public static readonly (string Label, string? Value)[] FeatureSets = new (string, string?)[]
    {
        ("space inside", "EC2 essential"),
        ("NUL", "EC2_essential\0"),
        ("control char", "\u0001EC2_essential"),
        ("ANSI escape", "EC2_\u001b[31messential"),
        ("10k chars", TenThousand),
        ("accented", "EC2_essentiél"),
        ("JSON break-out", "EC2_essential\"],\"x\":[\""),
        ("HTML", "<b>EC2</b>"),
        ("an account id in the feature set column", "123456789012.5"),
    };

    public static readonly (string Label, string? Value)[] IamNames = Anywhere.Concat(new (string, string?)[]
    {
        ("space", "Dynatrace Role"),
        ("slash", "path/Role"),
        ("colon", "Role:x"),
        ("accented", "Rolé"),
        ("Cyrillic", "Роль"),
        ("Katakana", "ロール"),
        ("65 chars", new string('r', 65)),
        ("only a trailing newline", "DynatraceRole\n"),
        ("asterisk", "Dynatrace*"),
    }).ToArray();

    public static readonly (string Label, string? Value)[] IamPaths = new (string, string?)[]
    {
        ("empty", ""),
        ("no slashes", "dynatrace"),
        ("no leading slash", "dynatrace/"),
        ("no trailing slash", "/dynatrace"),
        ("space", "/dyna trace/"),
        ("accented", "/dynatracé/"),
        ("newline inside", "/a\nb/"),
        ("trailing newline", "/dynatrace/\n"),
        ("513 chars", "/" + new string('p', 511) + "/"),
        ("10k chars", "/" + TenThousand + "/"),
    };

    public static readonly (string Label, string? Value)[] RoleArns = Anywhere.Concat(new (string, string?)[]
    {
        ("11-digit account", "arn:aws:iam::12345678901:role/DynatraceMonitoringRole"),
        ("Arabic-Indic account", "arn:aws:iam::١٢٣٤٥٦٧٨٩٠١٢:role/DynatraceMonitoringRole"),
        ("China partition", "arn:aws-cn:iam::123456789012:role/DynatraceMonitoringRole"),
        ("a user", "arn:aws:iam::123456789012:user/DynatraceMonitoringRole"),
        ("an sts session", "arn:aws:sts::123456789012:assumed-role/DynatraceMonitoringRole/x"),
        ("no name", "arn:aws:iam::123456789012:role/"),
        ("accented name", "arn:aws:iam::123456789012:role/Rolé"),
        ("space in name", "arn:aws:iam::123456789012:role/Dynatrace Role"),
        ("trailing newline", "arn:aws:iam::123456789012:role/DynatraceMonitoringRole\n"),
        ("leading space", " arn:aws:iam::123456789012:role/DynatraceMonitoringRole"),
        ("10k name", "arn:aws:iam::123456789012:role/" + TenThousand),
        ("just an account id", "123456789012"),
    }).ToArray();

    /// <summary>Null when <paramref name="call"/> failed as it should: the field named, nothing sent; otherwise what went wrong.</summary>
    public static async Task<string?> ProblemAsync(string label, string field, RequestLog requests, Func<Task> call)
    {
        requests.Clear();
        var error = await Record.ExceptionAsync(call);
        var sent = requests.Entries;
        if (error is null) return $"{field} {label}: accepted ({sent.Count} requests sent)";
        var wrong = WrongRejection(error, field);
        if (wrong != null) return $"{field} {label}: {wrong}";
        return sent.Count == 0 ? null : $"{field} {label}: refused only after {sent.Count} requests ({string.Join("; ", sent)})";
    }

    public static string? WrongRejection(Exception? error, string field) => error switch
    {
        null => "accepted",
        InvalidInputException invalid when invalid.Field == field && invalid.Message.StartsWith(field, StringComparison.Ordinal) => null,
        InvalidInputException invalid => $"names the field {invalid.Field}, not {field}",
        DynatraceAwsException known when known.Category == FailureCategory.InvalidArgument && known.Message.Contains(field) => null,
        _ => $"failed with {error.GetType().Name} ({(error as DynatraceAwsException)?.Category}): {error.Message}",
    };

    public static void AssertAllRefused(IEnumerable<string?> problems)
    {
        var list = problems.Where(p => p != null).Select(p => p!.Length > 300 ? p.Substring(0, 300) + "..." : p).ToArray();
        Assert.True(list.Length == 0, "Slipped through or refused badly:\n" + string.Join("\n", list));
    }
}

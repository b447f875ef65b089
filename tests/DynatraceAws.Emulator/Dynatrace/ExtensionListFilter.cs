using System;
using System.Linq;
using System.Text.RegularExpressions;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>The extension list's filter and add-fields, as far as the onboarding flow uses them.</summary>
internal sealed partial record ExtensionListFilter(string? Name, bool WithActiveVersion)
{
    public static Outcome<ExtensionListFilter> Parse(CursorPage page)
    {
        string? name = null;
        if (page.Parameter("filter") is { } filter)
        {
            var match = NameEquals().Match(filter);
            if (!match.Success)
            {
                return ApiError.Invalid(ConstraintViolation.InQuery("filter", "The emulator understands only name='<extension name>'."));
            }
            name = match.Groups["name"].Value;
        }

        var addFields = (page.Parameter("add-fields") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (addFields.FirstOrDefault(f => f != "activeVersion") is { } unknown)
        {
            return ApiError.Invalid(ConstraintViolation.InQuery("add-fields", $"Unknown field '{unknown}'."));
        }
        return new ExtensionListFilter(name, addFields.Length > 0);
    }

    public bool Matches(InstalledExtension extension) => Name is null || extension.Name == Name;

    [GeneratedRegex(@"\A\s*name\s*=\s*'(?<name>[^']*)'\s*\z")]
    private static partial Regex NameEquals();
}

using System;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>A settings list request: the first page's parameters, or all of them baked into a nextPageKey.</summary>
internal sealed record SettingsListQuery(
    string[] SchemaIds, string[] Scopes, string[] ExternalIds, string[] Fields, string? Filter, int PageSize, int Offset)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 500;

    public static Outcome<SettingsListQuery> Parse(IQueryCollection query)
    {
        if (query.TryGetValue("nextPageKey", out var key))
        {
            if (query.Count > 1)
            {
                return ApiError.Invalid(ConstraintViolation.InQuery("nextPageKey", "No other query parameter is allowed with nextPageKey."));
            }
            return PageKey.Decode<SettingsListQuery>(key.ToString()) is { } cursor
                ? cursor
                : ApiError.Invalid(ConstraintViolation.InQuery("nextPageKey", "The nextPageKey is not valid."));
        }

        var schemaIds = List(query, "schemaIds");
        var scopes = List(query, "scopes");
        if (schemaIds.Length == 0 && scopes.Length == 0)
        {
            return ApiError.Invalid(ConstraintViolation.InQuery("schemaIds", "Either schemaIds or scopes must be set."));
        }
        if (schemaIds.FirstOrDefault(id => id != AwsConnectionSchema.SchemaId) is { } unknown)
        {
            return ApiError.NotFound($"Schema {unknown} not found.");
        }

        var fields = query.ContainsKey("fields") ? List(query, "fields") : SettingsObjectJson.ListDefaultFields;
        if (fields.FirstOrDefault(f => !SettingsObjectJson.AllFields.Contains(f)) is { } badField)
        {
            return ApiError.Invalid(ConstraintViolation.InQuery("fields", $"Unknown field '{badField}'."));
        }

        string? filter = query["filter"];
        if (filter is not null && (SettingsFilter.Parse(filter) is null || !fields.Contains("value")))
        {
            return ApiError.Invalid(ConstraintViolation.InQuery(
                "filter", $"The emulator understands only {SettingsFilter.Supported}, and only when fields include value."));
        }

        if (PageSizeOf(query) is not { } pageSize)
        {
            return ApiError.Invalid(ConstraintViolation.InQuery("pageSize", $"pageSize must be between 1 and {MaxPageSize}."));
        }
        return new SettingsListQuery(schemaIds, scopes, List(query, "externalIds"), fields, filter, pageSize, 0);
    }

    public bool Matches(SettingsObject settingsObject) =>
        (SchemaIds.Length == 0 || SchemaIds.Contains(settingsObject.SchemaId))
        && (Scopes.Length == 0 || Scopes.Contains(settingsObject.Scope))
        && (ExternalIds.Length == 0 || ExternalIds.Contains(settingsObject.ExternalId))
        && (Filter is null || SettingsFilter.Parse(Filter)!.Matches(settingsObject.Value));

    public string? NextPageKey(int totalCount) =>
        Offset + PageSize < totalCount ? PageKey.Encode(this with { Offset = Offset + PageSize }) : null;

    private static string[] List(IQueryCollection query, string name) =>
        query[name].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int? PageSizeOf(IQueryCollection query)
    {
        if (!query.TryGetValue("pageSize", out var text)) return DefaultPageSize;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : null;
    }
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// Paging of the platform extensions API: page-size on the first page; afterwards only the key,
/// accepted as page-key (the docs) or next-page-key (what Dynatrace's own clients send).
/// <see cref="Query"/> keeps the first page's other parameters, which the key carries along.
/// </summary>
internal sealed record PlatformPage(int PageSize, int Offset, Dictionary<string, string> Query)
{
    private static readonly string[] KeyParameters = ["page-key", "next-page-key"];

    public static Outcome<PlatformPage> Parse(IQueryCollection query, int defaultPageSize, int maxPageSize)
    {
        var keys = KeyParameters.Where(query.ContainsKey).ToArray();
        if (keys.Length > 0)
        {
            if (query.Count > 1) return Invalid(keys[0], "No other query parameter is allowed with a page key.");
            return PageKey.Decode<PlatformPage>(query[keys[0]].ToString()) is { } cursor ? cursor : Invalid(keys[0], "The page key is not valid.");
        }

        var pageSize = defaultPageSize;
        if (query.TryGetValue("page-size", out var text)
            && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize >= 1 && pageSize <= maxPageSize))
        {
            return Invalid("page-size", $"page-size must be between 1 and {maxPageSize}.");
        }
        var rest = query.Where(p => p.Key != "page-size").ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        return new PlatformPage(pageSize, 0, rest);
    }

    public string? Parameter(string name) => Query.GetValueOrDefault(name);

    public IEnumerable<T> Slice<T>(IEnumerable<T> all) => all.Skip(Offset).Take(PageSize);

    public string? NextPageKey(int totalCount) =>
        Offset + PageSize < totalCount ? PageKey.Encode(this with { Offset = Offset + PageSize }) : null;

    private static ApiError Invalid(string parameter, string message) =>
        ApiError.Invalid(ConstraintViolation.InQuery(parameter, message));
}

using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.AspNetCore.Http;

namespace DynatraceAws.Emulator.Dynatrace;

/// <summary>
/// How one list pages by cursor: the parameter that carries the page key, another spelling of it
/// that some sources use and whether the API refuses that (400 naming the right one) or ignores it
/// (and serves the first page), and the page size parameter with its default and maximum.
/// </summary>
internal sealed record CursorPaging(string KeyParameter, string? OtherKeyParameter, bool RefusesOtherKey, int DefaultPageSize, int MaxPageSize)
{
    public const string PageSizeParameter = "page-size";
}

/// <summary>
/// One request of a cursor-paged list: page-size on the first page; afterwards only the key, which
/// carries the first page's other parameters (<see cref="Query"/>) along.
/// </summary>
internal sealed record CursorPage(int PageSize, int Offset, Dictionary<string, string> Query)
{
    public static Outcome<CursorPage> Parse(IQueryCollection query, CursorPaging paging)
    {
        if (query.TryGetValue(paging.KeyParameter, out var key))
        {
            if (query.Count > 1) return Invalid(paging.KeyParameter, "No other query parameter is allowed with a page key.");
            return PageKey.Decode<CursorPage>(key.ToString()) is { } cursor ? cursor : Invalid(paging.KeyParameter, "The page key is not valid.");
        }

        var parameters = query.Where(p => p.Key != paging.OtherKeyParameter).ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        if (paging.OtherKeyParameter is { } other && query.ContainsKey(other) && paging.RefusesOtherKey)
        {
            return Invalid(other, $"Unknown query parameter. Pass the page key in {paging.KeyParameter}.");
        }

        var pageSize = paging.DefaultPageSize;
        if (parameters.Remove(CursorPaging.PageSizeParameter, out var text)
            && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) && pageSize >= 1 && pageSize <= paging.MaxPageSize))
        {
            return Invalid(CursorPaging.PageSizeParameter, $"page-size must be between 1 and {paging.MaxPageSize}.");
        }
        return new CursorPage(pageSize, 0, parameters);
    }

    public string? Parameter(string name) => Query.GetValueOrDefault(name);

    public IEnumerable<T> Slice<T>(IEnumerable<T> all) => all.Skip(Offset).Take(PageSize);

    public string? NextPageKey(int totalCount) =>
        Offset + PageSize < totalCount ? PageKey.Encode(this with { Offset = Offset + PageSize }) : null;

    private static ApiError Invalid(string parameter, string message) =>
        ApiError.Invalid(ConstraintViolation.InQuery(parameter, message));
}

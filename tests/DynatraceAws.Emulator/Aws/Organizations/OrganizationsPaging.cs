using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using DynatraceAws.Emulator.Aws.Query;

namespace DynatraceAws.Emulator.Aws.Organizations;

/// <summary>
/// Organizations' paging: NextToken in, at most MaxResults (1 to 20) out. The default page is
/// small so that even a test organization spans several pages.
/// </summary>
internal static class OrganizationsPaging
{
    private const int DefaultPageSize = 5;

    /// <param name="listing">The operation and parent the token belongs to; a token from another listing is refused, as AWS does.</param>
    public static Page<T> Of<T>(string listing, IReadOnlyList<T> all, JsonObject request)
    {
        var pageSize = PageSize(request);
        var token = request["NextToken"]?.GetValue<string>();
        var start = token is null ? 0 : Offset(listing, token);
        var items = all.Skip(start).Take(pageSize).ToArray();
        var end = start + items.Length;
        return new Page<T>(items, end < all.Count ? Token(listing, end) : null);
    }

    private static int PageSize(JsonObject request)
    {
        if (request["MaxResults"] is not { } value) return DefaultPageSize;
        var size = value.GetValue<int>();
        return size is >= 1 and <= 20
            ? size
            : throw new AwsError(400, "InvalidInputException", "MaxResults must be between 1 and 20.");
    }

    private static string Token(string listing, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(listing + "#" + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Offset(string listing, string token)
    {
        var bytes = new byte[token.Length];
        if (Convert.TryFromBase64String(token, bytes, out var length))
        {
            var text = Encoding.UTF8.GetString(bytes, 0, length);
            var hash = text.LastIndexOf('#');
            if (hash > 0 && text[..hash] == listing
                && int.TryParse(text[(hash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        throw new AwsError(400, "InvalidInputException", "The specified pagination token isn't valid.");
    }
}

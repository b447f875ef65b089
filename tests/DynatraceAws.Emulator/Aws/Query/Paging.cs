using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace DynatraceAws.Emulator.Aws.Query;

/// <summary>One page of a list, and the marker of the next page: null on the last page (IsTruncated false).</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? NextMarker);

/// <summary>IAM's list paging: Marker in, at most MaxItems (default 100) out.</summary>
internal static class Paging
{
    private const int DefaultMaxItems = 100;
    private const string MarkerPrefix = "emu-page:";
    private static readonly StringRule MarkerRule = ServiceModel.Iam.String("ListRoles", "Marker");
    private static readonly (int Min, int Max) MaxItems = ServiceModel.Iam.Range("ListRoles", "MaxItems");

    public static Page<T> Of<T>(IReadOnlyList<T> all, QueryParameters parameters)
    {
        var maxItems = parameters.OptionalInt("MaxItems", MaxItems.Min, MaxItems.Max) ?? DefaultMaxItems;
        var marker = parameters.Optional("Marker", MarkerRule);
        var start = marker is null ? 0 : Offset(marker);
        var items = all.Skip(start).Take(maxItems).ToArray();
        var end = start + items.Length;
        return new Page<T>(items, end < all.Count ? Marker(end) : null);
    }

    // Opaque to clients, as AWS's markers are: only a marker this emulator issued is accepted.
    private static string Marker(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(MarkerPrefix + offset.ToString(CultureInfo.InvariantCulture)));

    private static int Offset(string marker)
    {
        var bytes = new byte[marker.Length];
        if (Convert.TryFromBase64String(marker, bytes, out var length))
        {
            var text = Encoding.UTF8.GetString(bytes, 0, length);
            if (text.StartsWith(MarkerPrefix, StringComparison.Ordinal)
                && int.TryParse(text[MarkerPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
                return offset;
        }
        throw AwsError.InvalidInput("Invalid Marker.");
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace DynatraceAws.Emulator.Aws.Query;

/// <summary>
/// A list answer as a server gives it that ignores the page key (<see cref="FaultKind.RepeatPageKey"/>):
/// the first page, naming as the next page the key it was asked with, or on the first request a key of its own.
/// </summary>
internal static class RepeatedPageKey
{
    public const string FirstKey = "emu-repeated-page";

    /// <param name="firstPage">The answer to the request without its Marker.</param>
    public static IReadOnlyList<XElement> Iam(IReadOnlyList<XElement> firstPage, string? asked) =>
    [
        .. firstPage.Where(e => e.Name.LocalName is not ("IsTruncated" or "Marker")),
        new XElement("IsTruncated", true),
        new XElement("Marker", asked ?? FirstKey),
    ];

    /// <param name="firstPage">The answer to the request without its NextToken.</param>
    public static JsonObject Organizations(JsonObject firstPage, string? asked)
    {
        firstPage["NextToken"] = asked ?? FirstKey;
        return firstPage;
    }
}

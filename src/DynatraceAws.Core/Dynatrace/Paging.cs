using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// How one Dynatrace list is paged: the member holding its items and the one identifying an item,
    /// the query parameter that asks for a later page (the documented spelling first, then the others
    /// the sources use), and how an answer names the page after it.
    /// </summary>
    internal sealed class Paging
    {
        private readonly Func<JsonNode?, string?, string?> _nextPage;
        private readonly Func<JsonNode?, int, bool> _isLast;

        private Paging(string itemsMember, string idMember, IReadOnlyList<string> pageParameters,
            Func<JsonNode?, string?, string?> nextPage, Func<JsonNode?, int, bool> isLast)
        {
            ItemsMember = itemsMember;
            IdMember = idMember;
            PageParameters = pageParameters;
            _nextPage = nextPage;
            _isLast = isLast;
        }

        public string ItemsMember { get; }
        public string IdMember { get; }
        public IReadOnlyList<string> PageParameters { get; }

        /// <summary>Each answer's nextPageKey (absent or null on the last page) is sent back as the page parameter.</summary>
        public static Paging ByKey(string itemsMember, string idMember, params string[] keyParameters) =>
            new Paging(itemsMember, idMember, keyParameters, (page, _) => NonEmpty((string?)page?["nextPageKey"]), (_, __) => false);

        /// <summary>
        /// Numbered pages {pageNumber, total, results}: the next is the answer's pageNumber plus one (so a
        /// count from 0 or from 1 both work), until total items are read or a page comes back empty.
        /// </summary>
        public static Paging ByNumber(string itemsMember, string idMember, params string[] numberParameters) =>
            new Paging(itemsMember, idMember, numberParameters, NextNumber,
                (page, itemsRead) => Items(page, itemsMember).Count == 0 || itemsRead >= ((int?)page?["total"] ?? 0));

        internal IReadOnlyList<JsonObject> ItemsOf(JsonNode? page) => Items(page, ItemsMember);

        /// <param name="sent">The page key or number this answer was asked for; null for the first page.</param>
        internal string? NextPage(JsonNode? page, string? sent) => _nextPage(page, sent);

        internal bool IsLast(JsonNode? page, int itemsRead) => _isLast(page, itemsRead);

        private static IReadOnlyList<JsonObject> Items(JsonNode? page, string member) =>
            (page?[member] as JsonArray)?.OfType<JsonObject>().ToArray() ?? Array.Empty<JsonObject>();

        private static string? NextNumber(JsonNode? page, string? sent)
        {
            var number = (int?)page?["pageNumber"]
                         ?? (sent is null ? 0 : int.Parse(sent, NumberStyles.None, CultureInfo.InvariantCulture));
            return (number + 1).ToString(CultureInfo.InvariantCulture);
        }

        private static string? NonEmpty(string? key) => string.IsNullOrEmpty(key) ? null : key;
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Http;

namespace DynatraceAws.Core.Dynatrace
{
    /// <summary>
    /// Reads a paged Dynatrace list to its end: the first page with its own query, every later one with
    /// only the page parameter. Where the sources spell that parameter differently, the documented
    /// spelling goes first and the next is tried when Dynatrace answers 400 naming it, or answers with
    /// a page it already served (what a server does that ignores a parameter it does not know). A page
    /// served again with no spelling left, or more than <see cref="PageGuard.MaxPages"/> pages, ends the
    /// read with ListPagingFailed instead of a loop (<see cref="PageGuard"/>).
    /// </summary>
    internal sealed class Pager
    {
        private readonly DynatraceApi _api;
        private readonly ICoreLog _log;

        public Pager(DynatraceApi api, ICoreLog log)
        {
            _api = api;
            _log = RedactingLog.Wrap(log);
        }

        /// <param name="firstQuery">The first page's query, with its '?', or empty.</param>
        /// <returns>Every item once, in the order served.</returns>
        public async Task<IReadOnlyList<JsonObject>> ReadAllAsync(string operation, string path, string firstQuery, Paging paging, CancellationToken ct)
        {
            var items = new List<JsonObject>();
            var idsRead = new HashSet<string>(StringComparer.Ordinal);
            var guard = new PageGuard("Dynatrace", operation);
            var spelling = 0;
            string? sent = null;
            var page = await _api.GetAsync(operation, path + firstQuery, ct).ConfigureAwait(false);
            while (true)
            {
                var served = paging.ItemsOf(page);
                var next = paging.NextPage(page, sent);
                var servedAgain = guard.WasSent(next) || (served.Count > 0 && served.All(i => Id(i, paging) is { } id && idsRead.Contains(id)));
                if (sent != null && servedAgain)
                {
                    if (spelling + 1 >= paging.PageParameters.Count) throw guard.ServedAgain(paging.PageParameters[spelling]);
                    spelling++;
                    _log.Debug($"{operation}: Dynatrace answered page {guard.Pages} with a page it had served already; asking with {paging.PageParameters[spelling]} instead.");
                }
                else
                {
                    items.AddRange(served.Where(i => Id(i, paging) is not { } id || idsRead.Add(id)));
                    if (next is null || paging.IsLast(page, items.Count)) return items;
                    guard.Sending(next);
                    sent = next;
                }
                guard.NextPage();
                (page, spelling) = await GetPageAsync(operation, path, paging, sent, spelling, ct).ConfigureAwait(false);
            }
        }

        private async Task<(JsonNode? Page, int Spelling)> GetPageAsync(string operation, string path, Paging paging, string key, int spelling,
            CancellationToken ct)
        {
            while (true)
            {
                var parameter = paging.PageParameters[spelling];
                try
                {
                    return (await _api.GetAsync(operation, $"{path}?{parameter}={Uri.EscapeDataString(key)}", ct).ConfigureAwait(false), spelling);
                }
                catch (DynatraceApiException ex) when (ex.StatusCode == 400 && LaterSpellingNamed(ex.Message, paging, spelling) is { } named)
                {
                    _log.Debug($"{operation}: Dynatrace refused {parameter} and named {paging.PageParameters[named]}; asking with that.");
                    spelling = named;
                }
            }
        }

        private static int? LaterSpellingNamed(string message, Paging paging, int current)
        {
            for (var i = current + 1; i < paging.PageParameters.Count; i++)
                if (Regex.IsMatch(message, $"(?<![A-Za-z0-9-]){Regex.Escape(paging.PageParameters[i])}(?![A-Za-z0-9-])")) return i;
            return null;
        }

        private static string? Id(JsonObject item, Paging paging) => (string?)item[paging.IdMember];
    }
}

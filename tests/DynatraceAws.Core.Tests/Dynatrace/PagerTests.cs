using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DynatraceAws.Core.Dynatrace;
using DynatraceAws.Core.Dynatrace.Account;
using DynatraceAws.Core.Errors;
using DynatraceAws.Core.Http;
using DynatraceAws.Core.Tests.Support;
using Xunit;

namespace DynatraceAws.Core.Tests.Dynatrace;

/// <summary>
/// The pager against servers that page wrongly, which the emulator does not imitate: one that serves
/// the first page for any key, one that never ends, and the 400s that do or do not name a spelling.
/// </summary>
public class PagerTests
{
    private static readonly Paging ByKey = Paging.ByKey("items", "id", "page-key", "next-page-key");
    private static readonly Paging ByNumber = Paging.ByNumber("results", "id", "page", "pageNumber");

    private readonly CollectingLog _log = new();

    [Fact]
    public async Task A_server_that_ignores_the_documented_key_is_asked_with_the_other_spelling_and_no_item_is_read_twice()
    {
        var server = new StubServer(query => query.TryGetValue("next-page-key", out var key)
            ? KeyPage(Ids(int.Parse(key), 3), key == "6" ? null : "6")
            : KeyPage(Ids(0, 3), "3"));

        var items = await ReadAsync(server, ByKey);

        Assert.Equal(Ids(0, 9), items);
        Assert.Equal(new[] { "", "?page-key=3", "?next-page-key=3", "?next-page-key=6" }, server.Queries);
        Assert.True(_log.Has("DEBUG: ", "asking with next-page-key"));
    }

    [Fact]
    public async Task A_server_that_serves_the_first_page_for_any_key_ends_in_ListPagingFailed_after_both_spellings()
    {
        var server = new StubServer(_ => KeyPage(Ids(0, 3), "3"));

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => ReadAsync(server, ByKey));

        Assert.Equal("ListPagingFailed", error.ErrorId);
        Assert.Equal(FailureCategory.ProtocolError, error.Category);
        Assert.Contains("page 3 (next-page-key)", error.Message);
        Assert.Equal(3, server.Queries.Count);
    }

    [Fact]
    public async Task A_key_that_comes_back_is_served_again_even_when_the_items_differ()
    {
        var answers = 0;
        var server = new StubServer(_ => KeyPage(Ids(answers++ * 10, 2), "A"));

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => ReadAsync(server, ByKey));

        Assert.Equal("ListPagingFailed", error.ErrorId);
        Assert.Equal(new[] { "", "?page-key=A", "?next-page-key=A" }, server.Queries);
    }

    [Fact]
    public async Task A_400_that_names_the_other_spelling_is_asked_again_with_it()
    {
        var server = new StubServer(query => query.ContainsKey("page-key")
            ? Error("Unknown query parameter. Pass the page key in next-page-key.")
            : query.ContainsKey("next-page-key") ? KeyPage(Ids(3, 3), null) : KeyPage(Ids(0, 3), "3"));

        var items = await ReadAsync(server, ByKey);

        Assert.Equal(Ids(0, 6), items);
        Assert.Equal(new[] { "", "?page-key=3", "?next-page-key=3" }, server.Queries);
    }

    [Fact]
    public async Task A_400_that_names_no_other_spelling_is_the_error_and_a_spelling_inside_another_does_not_count()
    {
        var reversed = Paging.ByKey("items", "id", "next-page-key", "page-key");
        var server = new StubServer(query => query.Count > 0 ? Error("next-page-key: the key has expired.") : KeyPage(Ids(0, 3), "3"));

        var error = await Assert.ThrowsAsync<DynatraceApiException>(() => ReadAsync(server, reversed));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(2, server.Queries.Count);
    }

    [Fact]
    public async Task A_list_that_does_not_end_stops_at_the_page_bound()
    {
        var server = new StubServer(query =>
        {
            var at = query.TryGetValue("page-key", out var key) ? int.Parse(key) : 0;
            return KeyPage(Ids(at, 1), (at + 1).ToString());
        });

        var error = await Assert.ThrowsAsync<DynatraceAwsException>(() => ReadAsync(server, ByKey));

        Assert.Equal("ListPagingFailed", error.ErrorId);
        Assert.Contains($"{PageGuard.MaxPages} pages", error.Message);
        Assert.Equal(PageGuard.MaxPages, server.Queries.Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Numbered_pages_follow_the_answers_page_number_until_the_total_whether_counting_from_0_or_1(int first)
    {
        var server = new StubServer(query =>
        {
            var number = query.TryGetValue("page", out var text) ? int.Parse(text) : first;
            return NumberPage(number, Ids((number - first) * 10, Math.Min(10, 12 - (number - first) * 10)), 12);
        });

        var items = await ReadAsync(server, ByNumber);

        Assert.Equal(Ids(0, 12), items);
        Assert.Equal(new[] { "", $"?page={first + 1}" }, server.Queries);
    }

    [Fact]
    public async Task Numbered_pages_a_server_does_not_take_are_asked_with_the_other_spelling_and_then_fail()
    {
        var takesPageNumber = new StubServer(query =>
        {
            var number = query.TryGetValue("pageNumber", out var text) ? int.Parse(text) : 0;
            return NumberPage(number, Ids(number * 10, Math.Min(10, 12 - number * 10)), 12);
        });
        var takesNeither = new StubServer(_ => NumberPage(0, Ids(0, 10), 12));

        Assert.Equal(Ids(0, 12), await ReadAsync(takesPageNumber, ByNumber));
        Assert.Equal(new[] { "", "?page=1", "?pageNumber=1" }, takesPageNumber.Queries);
        Assert.Equal("ListPagingFailed", (await Assert.ThrowsAsync<DynatraceAwsException>(() => ReadAsync(takesNeither, ByNumber))).ErrorId);
    }

    private async Task<IReadOnlyList<string>> ReadAsync(StubServer server, Paging paging)
    {
        using var account = new DynatraceAccount("12a34567-8901-4bc3-845e-6f7a8b901234",
            new PlatformTokenAuthorization(EmulatorTest.SecureText("dt0s16.PAGER.test")), new Uri("http://127.0.0.1:9/"), server);
        var api = new DynatraceApi(account, _log, new RetryPolicy(maxAttempts: 1));
        var items = await api.ListAsync("List things", "/things", "", paging, CancellationToken.None);
        return items.Select(i => (string)i["id"]!).ToArray();
    }

    private static string[] Ids(int from, int count) => Enumerable.Range(from, count).Select(i => i.ToString()).ToArray();

    private static JsonObject KeyPage(IEnumerable<string> ids, string? next)
    {
        var page = new JsonObject { ["items"] = Items(ids) };
        if (next != null) page["nextPageKey"] = next;
        return page;
    }

    private static JsonObject NumberPage(int number, IEnumerable<string> ids, int total) =>
        new() { ["pageNumber"] = number, ["total"] = total, ["results"] = Items(ids) };

    private static JsonArray Items(IEnumerable<string> ids) => new(ids.Select(id => (JsonNode)new JsonObject { ["id"] = id }).ToArray());

    private static HttpResponseMessage Error(string message) => new(HttpStatusCode.BadRequest)
    {
        Content = new StringContent(new JsonObject { ["error"] = new JsonObject { ["code"] = 400, ["message"] = message } }.ToJsonString(),
            Encoding.UTF8, "application/json"),
    };

    /// <summary>Answers each GET from its query alone, and keeps the queries asked.</summary>
    private sealed class StubServer(Func<IReadOnlyDictionary<string, string>, object> answer) : HttpMessageHandler
    {
        public List<string> Queries { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var query = request.RequestUri!.Query;
            Queries.Add(query);
            var parameters = query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]));
            return Task.FromResult(answer(parameters) switch
            {
                HttpResponseMessage response => response,
                var body => new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(((JsonNode)body).ToJsonString(), Encoding.UTF8, "application/json"),
                },
            });
        }
    }
}

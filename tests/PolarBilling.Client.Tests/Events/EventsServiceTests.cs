using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Events;

/// <summary>Reading events over real HTTP: get, list with every filter in both pagination shapes, names.</summary>
public sealed class EventsServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_reads_the_event_at_its_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/events/{id}").Always(LoopbackResponse.Json(200, EventFixtures.MeterCredited));
        var client = server.CreateClient();

        var @event = await client.Events.GetAsync(EventFixtures.MeterCreditedId, cancellationToken: Ct);

        Assert.Equal(("GET", $"/v1/events/{EventFixtures.MeterCreditedId}"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(10000, Assert.IsType<MeterCreditEvent>(@event).Metadata.Units);
    }

    [Fact]
    public async Task Get_rejects_a_missing_id_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Events.GetAsync("", cancellationToken: Ct));

        Assert.Equal("id", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_sends_every_filter_and_the_meter_filter_as_JSON()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/events/").Always(LoopbackResponse.Json(200, EventFixtures.NumberedPage));
        var client = server.CreateClient();

        var page = await client.Events.ListAsync(
            new EventListOptions
            {
                Limit = 100,
                Sorting = ["-timestamp"],
                Filter = MeterFilters.All(MeterFilters.Clause("model", FilterOperator.Eq, "gpt-5")),
                StartTimestamp = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero),
                EndTimestamp = new DateTimeOffset(2026, 6, 30, 23, 59, 59, 999, TimeSpan.Zero),
                OrganizationId = [EventFixtures.OrganizationId],
                CustomerId = [EventFixtures.CustomerId],
                ExternalCustomerId = ["user_42"],
                MeterId = EventFixtures.ApiCallsMeterId,
                Name = ["llm_completion", "meter.credited"],
                Source = [EventSource.User, EventSource.System],
                Query = "gpt",
                ParentId = EventFixtures.LlmCompletionId,
                Depth = 1,
                Metadata = new Dictionary<string, MetadataValue> { ["model"] = "gpt-5" },
            },
            cancellationToken: Ct);

        Assert.Equal(
            [
                new("limit", "100"), new("sorting", "-timestamp"),
                new("filter", """{"conjunction":"and","clauses":[{"property":"model","operator":"eq","value":"gpt-5"}]}"""),
                new("start_timestamp", "2026-06-01T00:00:00.000000Z"), new("end_timestamp", "2026-06-30T23:59:59.999000Z"),
                new("organization_id", EventFixtures.OrganizationId), new("customer_id", EventFixtures.CustomerId), new("external_customer_id", "user_42"),
                new("meter_id", EventFixtures.ApiCallsMeterId), new("name", "llm_completion"), new("name", "meter.credited"),
                new("source", "user"), new("source", "system"), new("query", "gpt"), new("parent_id", EventFixtures.LlmCompletionId),
                new("depth", "1"), new("metadata[model]", "gpt-5"),
            ],
            Assert.Single(server.Requests).Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(2, page.Pagination.MaxPage);
        Assert.Equal(2, page.Items.Count);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    public async Task List_rejects_a_depth_outside_0_to_5(int depth)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentException>(() => client.Events.ListAsync(new EventListOptions { Depth = depth }, cancellationToken: Ct));

        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_reads_a_cursor_paged_answer()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/events/").Always(LoopbackResponse.Json(200, EventFixtures.CursorPage));
        var client = server.CreateClient();

        var page = await client.Events.ListAsync(new EventListOptions { Page = 3 }, cancellationToken: Ct);

        Assert.True(page.Pagination.HasNextPage);
        Assert.Null(page.Pagination.MaxPage);
        Assert.Equal(EventFixtures.ChildId, Assert.Single(page.Items).Id);
    }

    [Fact]
    public async Task Auto_paging_follows_page_numbers_until_max_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/events/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] == "1"
            ? EventFixtures.NumberedPage
            : $$$"""{"items":[{{{EventFixtures.Child}}}],"pagination":{"total_count":3,"max_page":2}}"""));
        var client = server.CreateClient();

        var ids = await ReadAll(client.Events.ListAutoPagingAsync(new EventListOptions { Limit = 2 }, cancellationToken: Ct));

        Assert.Equal([EventFixtures.LlmCompletionId, EventFixtures.MeterCreditedId, EventFixtures.ChildId], ids);
        Assert.Equal(["1", "2"], server.Requests.Select(r => r.QueryValues("page")[0]));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Auto_paging_follows_has_next_page_when_Polar_answers_with_cursor_pagination()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/events/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] switch
        {
            "1" => EventFixtures.CursorPageOf(true, EventFixtures.LlmCompletion),
            "2" => EventFixtures.CursorPageOf(true, EventFixtures.MeterCredited),
            _ => EventFixtures.CursorPageOf(false, EventFixtures.Child),
        }));
        var client = server.CreateClient();

        var ids = await ReadAll(client.Events.ListAutoPagingAsync(new EventListOptions { Limit = 1, Name = ["api_call"] }, cancellationToken: Ct));

        Assert.Equal([EventFixtures.LlmCompletionId, EventFixtures.MeterCreditedId, EventFixtures.ChildId], ids);
        Assert.Equal(["1", "2", "3"], server.Requests.Select(r => r.QueryValues("page")[0]));
        Assert.All(server.Requests, r => Assert.Equal(["api_call"], r.QueryValues("name")));
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task List_names_sends_its_filters_and_reads_the_names()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/events/names").Always(LoopbackResponse.Json(200, EventFixtures.NamesPage));
        var client = server.CreateClient();

        var names = await client.Events.ListNamesAsync(
            new EventNameListOptions
            {
                Sorting = ["-occurrences"],
                OrganizationId = [EventFixtures.OrganizationId],
                CustomerId = [EventFixtures.CustomerId],
                ExternalCustomerId = ["user_42"],
                Source = [EventSource.User],
                Query = "api",
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/v1/events/names"), (request.Method, request.Path));
        Assert.Equal(
            [
                new("sorting", "-occurrences"), new("organization_id", EventFixtures.OrganizationId), new("customer_id", EventFixtures.CustomerId),
                new("external_customer_id", "user_42"), new("source", "user"), new("query", "api"),
            ],
            request.Query);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(["api_call", "meter.credited"], names.Items.Select(n => n.Name));
    }

    [Fact]
    public async Task List_names_auto_paging_reads_every_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/events/names").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] == "1"
            ? EventFixtures.NamesPage.Replace("\"max_page\": 1", "\"max_page\": 2", StringComparison.Ordinal)
            : """{"items":[{"name":"export","label":"export","source":"user","occurrences":3,"first_seen":"2026-06-01T00:00:00Z","last_seen":"2026-06-02T00:00:00Z"}],"pagination":{"total_count":3,"max_page":2}}"""));
        var client = server.CreateClient();

        var names = new List<string>();
        await foreach (var name in client.Events.ListNamesAutoPagingAsync(cancellationToken: Ct))
        {
            names.Add(name.Name);
        }

        Assert.Equal(["api_call", "meter.credited", "export"], names);
        server.AssertAllRequestsMatchSpec();
    }

    private static async Task<List<string>> ReadAll(IAsyncEnumerable<Event> events)
    {
        var ids = new List<string>();
        await foreach (var @event in events)
        {
            ids.Add(@event.Id);
        }

        return ids;
    }
}

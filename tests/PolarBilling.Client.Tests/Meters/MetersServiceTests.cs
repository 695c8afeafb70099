using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Meters;

/// <summary>Meters over real HTTP: get, list with every filter, auto-paging, create, update, archive.</summary>
public sealed class MetersServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_reads_the_meter_at_its_path()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/meters/{id}").Always(LoopbackResponse.Json(200, MeterFixtures.Tokens));
        var client = server.CreateClient();

        var meter = await client.Meters.GetAsync(MeterFixtures.TokensId, cancellationToken: Ct);

        Assert.Equal(("GET", $"/v1/meters/{MeterFixtures.TokensId}"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(("LLM tokens", MeterUnit.Token), (meter.Name, meter.Unit));
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 12, 30, 0, 125, TimeSpan.Zero), meter.ModifiedAt);
        Assert.Equal("total_tokens", Assert.IsType<PropertyAggregation>(meter.Aggregation).Property);
    }

    [Fact]
    public async Task Get_rejects_a_missing_id_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Meters.GetAsync(null!, cancellationToken: Ct));

        Assert.Equal("id", error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task List_sends_every_filter_as_the_query_parameters_Polar_declares()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/meters/").Always(LoopbackResponse.Json(200, MeterFixtures.Page(1, 1, MeterFixtures.StorageArchived)));
        var client = server.CreateClient();

        var page = await client.Meters.ListAsync(
            new MeterListOptions
            {
                Limit = 10,
                Sorting = ["name"],
                OrganizationId = [MeterFixtures.OrganizationId],
                Query = "storage",
                IsArchived = true,
                Metadata = new Dictionary<string, MetadataValue> { ["billing"] = "peak" },
            },
            cancellationToken: Ct);

        Assert.Equal(
            [
                new("limit", "10"), new("sorting", "name"), new("organization_id", MeterFixtures.OrganizationId), new("query", "storage"),
                new("is_archived", "true"), new("metadata[billing]", "peak"),
            ],
            Assert.Single(server.Requests).Query);
        server.AssertAllRequestsMatchSpec();
        Assert.NotNull(Assert.Single(page.Items).ArchivedAt);
    }

    [Fact]
    public async Task Auto_paging_reads_every_page()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/meters/").Always(request => LoopbackResponse.Json(200, request.QueryValues("page")[0] switch
        {
            "1" => MeterFixtures.Page(3, 2, MeterFixtures.ApiCalls, MeterFixtures.Tokens),
            _ => MeterFixtures.Page(3, 2, MeterFixtures.StorageArchived),
        }));
        var client = server.CreateClient();

        var ids = new List<string>();
        await foreach (var meter in client.Meters.ListAutoPagingAsync(new MeterListOptions { Limit = 2 }, cancellationToken: Ct))
        {
            ids.Add(meter.Id);
        }

        Assert.Equal([MeterFixtures.ApiCallsId, MeterFixtures.TokensId, MeterFixtures.StorageId], ids);
        Assert.Equal(2, server.Requests.Count);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Create_posts_a_count_meter_on_one_event_name()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/meters/").Always(LoopbackResponse.Json(201, MeterFixtures.ApiCalls));
        var client = server.CreateClient();

        var meter = await client.Meters.CreateAsync(
            new MeterCreate { Name = "API calls", Filter = MeterFilters.EventName("api_call"), Aggregation = MeterAggregations.Count(), Metadata = new() { ["team"] = "platform" } },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/meters/"), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent(
            """
            {"metadata":{"team":"platform"},"name":"API calls",
             "filter":{"conjunction":"and","clauses":[{"property":"name","operator":"eq","value":"api_call"}]},
             "aggregation":{"func":"count"}}
            """,
            request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(MeterFixtures.ApiCallsId, meter.Id);
    }

    [Fact]
    public async Task Create_posts_a_custom_unit_meter_with_a_nested_filter_and_a_property_aggregation()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/meters/").Always(LoopbackResponse.Json(201, MeterFixtures.Tokens));
        var client = server.CreateClient();

        await client.Meters.CreateAsync(
            new MeterCreate
            {
                Name = "LLM tokens",
                Unit = MeterUnit.Custom,
                CustomLabel = "1K tokens",
                CustomMultiplier = 1000,
                OrganizationId = MeterFixtures.OrganizationId,
                Filter = MeterFilters.All(
                    MeterFilters.Clause("name", FilterOperator.Eq, "llm_completion"),
                    MeterFilters.Any(
                        MeterFilters.Clause("model", FilterOperator.Like, "gpt-%"),
                        MeterFilters.Clause("tier", FilterOperator.Gte, 2),
                        MeterFilters.Clause("cached", FilterOperator.Eq, false))),
                Aggregation = MeterAggregations.Sum("total_tokens"),
            },
            cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent(
            $$$"""
            {"name":"LLM tokens","unit":"custom","custom_label":"1K tokens","custom_multiplier":1000,"organization_id":"{{{MeterFixtures.OrganizationId}}}",
             "filter":{"conjunction":"and","clauses":[
               {"property":"name","operator":"eq","value":"llm_completion"},
               {"conjunction":"or","clauses":[
                 {"property":"model","operator":"like","value":"gpt-%"},
                 {"property":"tier","operator":"gte","value":2},
                 {"property":"cached","operator":"eq","value":false}]}]},
             "aggregation":{"func":"sum","property":"total_tokens"}}
            """,
            Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
    }

    public static TheoryData<string, string> Aggregations() => new()
    {
        { "count", """{"func":"count"}""" },
        { "sum", """{"func":"sum","property":"bytes"}""" },
        { "max", """{"func":"max","property":"bytes"}""" },
        { "min", """{"func":"min","property":"bytes"}""" },
        { "avg", """{"func":"avg","property":"bytes"}""" },
        { "unique", """{"func":"unique","property":"bytes"}""" },
    };

    [Theory]
    [MemberData(nameof(Aggregations))]
    public async Task Update_sends_each_aggregation_as_Polar_spells_it(string func, string expected)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/meters/{id}").Always(LoopbackResponse.Json(200, MeterFixtures.ApiCalls));
        var client = server.CreateClient();
        var aggregation = func switch
        {
            "count" => MeterAggregations.Count(),
            "sum" => MeterAggregations.Sum("bytes"),
            "max" => MeterAggregations.Max("bytes"),
            "min" => MeterAggregations.Min("bytes"),
            "avg" => MeterAggregations.Avg("bytes"),
            _ => MeterAggregations.Unique("bytes"),
        };

        await client.Meters.UpdateAsync(MeterFixtures.ApiCallsId, new MeterUpdate { Aggregation = aggregation }, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PATCH", $"/v1/meters/{MeterFixtures.ApiCallsId}"), (request.Method, request.Path));
        Assert.Equal($$$"""{"aggregation":{{{expected}}}}""", request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Update_sends_only_the_fields_set()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/meters/{id}").Always(LoopbackResponse.Json(200, MeterFixtures.ApiCalls));
        var client = server.CreateClient();

        await client.Meters.UpdateAsync(
            MeterFixtures.ApiCallsId, new MeterUpdate { Name = "API requests", Filter = MeterFilters.EventName("api_request") }, cancellationToken: Ct);

        Assert.Equal(
            """{"name":"API requests","filter":{"conjunction":"and","clauses":[{"property":"name","operator":"eq","value":"api_request"}]}}""",
            Assert.Single(server.Requests).BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Archive_and_unarchive_send_only_is_archived_and_read_archived_at()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("PATCH", "/v1/meters/{id}")
            .Once(LoopbackResponse.Json(200, MeterFixtures.StorageArchived))
            .Always(LoopbackResponse.Json(200, MeterFixtures.ApiCalls));
        var client = server.CreateClient();

        var archived = await client.Meters.ArchiveAsync(MeterFixtures.StorageId, cancellationToken: Ct);
        var restored = await client.Meters.UnarchiveAsync(MeterFixtures.ApiCallsId, cancellationToken: Ct);

        Assert.Equal(["""{"is_archived":true}""", """{"is_archived":false}"""], server.Requests.Select(r => r.BodyText));
        server.AssertAllRequestsMatchSpec();
        Assert.NotNull(archived.ArchivedAt);
        Assert.Null(restored.ArchivedAt);
    }

    [Fact]
    public void Helpers_reject_empty_properties_and_event_names()
    {
        Assert.Throws<ArgumentException>(() => MeterAggregations.Sum(""));
        Assert.Throws<ArgumentException>(() => MeterAggregations.Unique(" "));
        Assert.Throws<ArgumentException>(() => MeterFilters.EventName(""));
        Assert.Throws<ArgumentException>(() => MeterFilters.Clause(" ", FilterOperator.Eq, 1));
    }
}

using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Events;

/// <summary>
/// Ingesting usage: the body Polar validates, and the retry rule: a batch is repeated after an ambiguous failure only
/// when every event has an external_id Polar de-duplicates on.
/// </summary>
public sealed class EventIngestTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ingest_posts_events_by_external_and_by_Polar_customer_id_and_reads_inserted_and_duplicates()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/events/ingest").Always(LoopbackResponse.Json(200, EventFixtures.IngestResponse));
        var client = server.CreateClient();

        var result = await client.Events.IngestAsync(
            new EventsIngest
            {
                Events =
                [
                    new EventCreateExternalCustomer
                    {
                        Name = "api_call",
                        ExternalCustomerId = "user_42",
                        ExternalId = "user_42:api_call:2026-06-03T17:45",
                        Timestamp = new DateTimeOffset(2026, 6, 3, 17, 45, 0, TimeSpan.Zero),
                        Metadata = EventMetadata.From(new Dictionary<string, MetadataValue> { ["endpoint"] = "/v1/search", ["calls"] = 37 }),
                    },
                    new EventCreateCustomer
                    {
                        Name = "llm_completion",
                        CustomerId = EventFixtures.CustomerId,
                        ExternalId = "req_8f2c",
                        ParentId = "user_42:api_call:2026-06-03T17:45",
                        Metadata = new EventMetadataInput
                        {
                            Llm = new LLMMetadata { Vendor = "openai", Model = "gpt-5", InputTokens = 1200, OutputTokens = 630, TotalTokens = 1830 },
                            Cost = new CostMetadataInput { Amount = 0.0421m, Currency = "usd" },
                        },
                    },
                    new EventCreateExternalCustomer { Name = "seat_active", ExternalCustomerId = "org_7", ExternalMemberId = "user_1001", ExternalId = "org_7:seat:user_1001:2026-06" },
                ],
            },
            cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", "/v1/events/ingest"), (request.Method, request.Path));
        ModelRoundTrip.AssertEquivalent(
            $$$"""
            {"events":[
              {"timestamp":"2026-06-03T17:45:00Z","name":"api_call","external_id":"user_42:api_call:2026-06-03T17:45",
               "metadata":{"endpoint":"/v1/search","calls":37},"external_customer_id":"user_42"},
              {"name":"llm_completion","external_id":"req_8f2c","parent_id":"user_42:api_call:2026-06-03T17:45","customer_id":"{{{EventFixtures.CustomerId}}}",
               "metadata":{"_cost":{"amount":"0.0421","currency":"usd"},"_llm":{"vendor":"openai","model":"gpt-5","input_tokens":1200,"output_tokens":630,"total_tokens":1830} } },
              {"name":"seat_active","external_id":"org_7:seat:user_1001:2026-06","external_customer_id":"org_7","external_member_id":"user_1001"}]}
            """,
            request.BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal((3L, 1L), (result.Inserted, result.Duplicates));
    }

    [Fact]
    public async Task Ingest_of_events_that_all_have_external_ids_is_retried_after_a_503()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/events/ingest")
            .Once(LoopbackResponse.Json(503, """{"detail":"busy"}"""))
            .Once(LoopbackResponse.Abort())
            .Always(LoopbackResponse.Json(200, EventFixtures.IngestResponse));
        var client = server.CreateClient();

        var result = await client.Events.IngestAsync(
            [
                new EventCreateExternalCustomer { Name = "api_call", ExternalCustomerId = "user_42", ExternalId = "user_42:api_call:1" },
                new EventCreateExternalCustomer { Name = "api_call", ExternalCustomerId = "user_42", ExternalId = "user_42:api_call:2" },
            ],
            cancellationToken: Ct);

        Assert.Equal(3, server.Requests.Count);
        Assert.Single(server.Requests.Select(r => r.BodyText).Distinct());
        Assert.Equal(1, result.Duplicates);
    }

    [Fact]
    public async Task Ingest_with_an_event_without_external_id_is_not_retried_after_a_503_because_it_could_bill_twice()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/events/ingest")
            .Once(LoopbackResponse.Json(503, """{"detail":"busy"}"""))
            .Always(LoopbackResponse.Json(200, EventFixtures.IngestResponse));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarServerException>(() => client.Events.IngestAsync(
            [
                new EventCreateExternalCustomer { Name = "api_call", ExternalCustomerId = "user_42", ExternalId = "user_42:api_call:1" },
                new EventCreateExternalCustomer { Name = "api_call", ExternalCustomerId = "user_42" },
            ],
            cancellationToken: Ct));

        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Ingest_without_external_ids_is_still_retried_after_a_429_because_Polar_did_not_act()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/events/ingest")
            .Once(LoopbackResponse.RateLimited(0))
            .Always(LoopbackResponse.Json(200, EventFixtures.IngestResponseWithoutDuplicates));
        var client = server.CreateClient();

        var result = await client.Events.IngestAsync([new EventCreateCustomer { Name = "api_call", CustomerId = EventFixtures.CustomerId }], cancellationToken: Ct);

        Assert.Equal(2, server.Requests.Count);
        Assert.Null(result.Duplicates);
    }

    [Fact]
    public async Task Ingest_rejected_by_Polar_surfaces_the_validation_error_and_is_not_retried()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/events/ingest").Always(LoopbackResponse.Json(422, """
            {"error":"PolarRequestValidationError","detail":[{"type":"value_error","loc":["body","events",0,"timestamp"],"msg":"Timestamp must be in the past.","input":"2099-01-01T00:00:00Z"}]}
            """));
        var client = server.CreateClient();

        var error = await Assert.ThrowsAsync<PolarValidationException>(() => client.Events.IngestAsync(
            [new EventCreateExternalCustomer { Name = "api_call", ExternalCustomerId = "user_42", ExternalId = "x", Timestamp = new DateTimeOffset(2099, 1, 1, 0, 0, 0, TimeSpan.Zero) }],
            cancellationToken: Ct));

        Assert.Equal("body.events.0.timestamp", Assert.Single(error.Errors).Path);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Record_usage_sends_one_deduplicated_event_for_the_user()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/events/ingest").Always(LoopbackResponse.Json(200, """{"inserted":1,"duplicates":0}"""));
        var client = server.CreateClient();

        var result = await client.Events.RecordUsageAsync(
            "user_42", "llm_completion", "user_42:llm:2026-06-03T17:00", new Dictionary<string, MetadataValue> { ["total_tokens"] = 1830 },
            new DateTimeOffset(2026, 6, 3, 17, 0, 0, TimeSpan.Zero), cancellationToken: Ct);

        ModelRoundTrip.AssertEquivalent(
            """{"events":[{"timestamp":"2026-06-03T17:00:00Z","name":"llm_completion","external_id":"user_42:llm:2026-06-03T17:00","metadata":{"total_tokens":1830},"external_customer_id":"user_42"}]}""",
            Assert.Single(server.Requests).BodyText!);
        server.AssertAllRequestsMatchSpec();
        Assert.Equal(1, result.Inserted);
    }

    [Theory]
    [InlineData("", "api_call", "id-1", "externalCustomerId")]
    [InlineData("user_42", " ", "id-1", "eventName")]
    [InlineData("user_42", "api_call", "", "externalId")]
    public async Task Record_usage_requires_a_user_an_event_name_and_an_external_id(string user, string name, string externalId, string parameter)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => client.Events.RecordUsageAsync(user, name, externalId, cancellationToken: Ct));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Ingest_rejects_a_null_event_before_calling_Polar()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        var client = server.CreateClient();

        await Assert.ThrowsAsync<ArgumentNullException>(() => client.Events.IngestAsync(new EventsIngest { Events = [null!] }, cancellationToken: Ct));

        Assert.Empty(server.Requests);
    }
}

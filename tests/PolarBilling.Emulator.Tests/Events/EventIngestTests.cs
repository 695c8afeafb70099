using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Meters;
using Xunit;

namespace PolarBilling.Emulator.Tests.Events;

public sealed class EventIngestTests : EmulatorTest
{
    [Fact]
    public async Task Events_with_a_known_external_id_are_counted_as_duplicates_in_and_across_batches()
    {
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");

        var first = await UsageSetup.IngestAsync(Polar, UsageSetup.Event(ada.Id, "api_call", externalId: "e1"), UsageSetup.Event(ada.Id, "api_call", externalId: "e2"), UsageSetup.Event(ada.Id, "api_call", externalId: "e1"));
        var second = await Polar.Events.RecordUsageAsync("user_x", "api_call", "e2", cancellationToken: TestContext.Current.CancellationToken);
        var third = await UsageSetup.IngestAsync(Polar, UsageSetup.Event(ada.Id, "api_call"), UsageSetup.Event(ada.Id, "api_call"));

        Assert.Equal((2L, 1L), (first.Inserted, first.Duplicates!.Value));
        Assert.Equal((0L, 1L), (second.Inserted, second.Duplicates!.Value));
        Assert.Equal((2L, 0L), (third.Inserted, third.Duplicates!.Value));
        Assert.Equal(4, (await Polar.Events.ListAsync(new EventListOptions { Source = [EventSource.User] }, cancellationToken: TestContext.Current.CancellationToken)).Items.Count);
    }

    [Fact]
    public async Task An_event_without_timestamp_happens_now_and_keeps_its_metadata()
    {
        await Polar.Events.RecordUsageAsync("user_1", "api_call", "e1", [new("path", "/v1/users"), new("ms", 12)], cancellationToken: TestContext.Current.CancellationToken);

        var (_, page) = await SendAsync(HttpMethod.Get, "/v1/events/?source=user");
        var item = page!["items"]![0]!;

        Assert.Equal(Clock.GetUtcNow(), item["timestamp"]!.GetValue<DateTimeOffset>());
        Assert.Equal("""{"path":"/v1/users","ms":12}""", item["metadata"]!.ToJsonString());
        Assert.Equal(("user_1", "api_call", "api_call"), (item["external_customer_id"]!.GetValue<string>(), item["name"]!.GetValue<string>(), item["label"]!.GetValue<string>()));
        Assert.Null(item["customer_id"]);
        Assert.Null(item["customer"]);
    }

    [Fact]
    public async Task A_future_timestamp_rejects_the_whole_batch()
    {
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");
        var future = Clock.GetUtcNow().AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/events/ingest",
            $$"""{"events":[{"name":"ok","customer_id":"{{ada.Id}}"},{"name":"late","customer_id":"{{ada.Id}}","timestamp":"{{future}}"}]}""");

        Assert.Equal(422, status);
        Assert.Equal(
            $$"""[{"type":"value_error","loc":["body","events",1,"EventCreateCustomer","timestamp"],"msg":"Value error, Timestamp must be in the past.","input":"{{future}}"}]""",
            body!["detail"]!.ToJsonString());
        Assert.Empty((await Polar.Events.ListAsync(new EventListOptions { Source = [EventSource.User] }, cancellationToken: TestContext.Current.CancellationToken)).Items);
    }

    [Fact]
    public async Task Unknown_customers_and_parents_and_an_organization_id_are_each_reported()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/events/ingest", $$"""
            {"events":[
              {"name":"a","customer_id":"{{Guid.Empty}}"},
              {"name":"b","external_customer_id":"u1","parent_id":"nope"},
              {"name":"c","external_customer_id":"u1","organization_id":"{{Emulator.State.Organization.Id}}"}]}
            """);

        Assert.Equal(422, status);
        Assert.Equal(
            """[["customer_id","Customer not found."],["parent_id","Parent event not found."],["organization_token","Setting organization_id is disallowed when using an organization token."]]""",
            new System.Text.Json.Nodes.JsonArray([.. body!["detail"]!.AsArray().Select(d => new System.Text.Json.Nodes.JsonArray(d!["type"]!.DeepClone(), d["msg"]!.DeepClone()))]).ToJsonString());
    }

    [Fact]
    public async Task A_parent_is_found_in_the_batch_or_by_external_id_and_children_are_counted()
    {
        await Polar.Events.IngestAsync([
            new EventCreateExternalCustomer { ExternalCustomerId = "u1", Name = "request", ExternalId = "root" },
            new EventCreateExternalCustomer { ExternalCustomerId = "u1", Name = "llm", ExternalId = "child", ParentId = "root" },
        ], cancellationToken: TestContext.Current.CancellationToken);
        await Polar.Events.IngestAsync([new EventCreateExternalCustomer { ExternalCustomerId = "u1", Name = "llm", ParentId = "root" }], cancellationToken: TestContext.Current.CancellationToken);

        var roots = await Polar.Events.ListAsync(new EventListOptions { Depth = 0 }, cancellationToken: TestContext.Current.CancellationToken);
        var root = Assert.Single(roots.Items);
        var tree = await Polar.Events.ListAsync(new EventListOptions { ParentId = root.Id, Depth = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, root.ChildCount);
        Assert.Equal(3, tree.Items.Count);
        Assert.All(tree.Items.Where(e => e.Id != root.Id), e => Assert.Equal(root.Id, e.ParentId));
    }

    [Fact]
    public async Task Ingesting_usage_announces_the_customers_new_state()
    {
        await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_ada");
        TakeWebhooks();

        await Polar.Events.RecordUsageAsync("user_ada", "api_call", "e1", cancellationToken: TestContext.Current.CancellationToken);
        await Polar.Events.RecordUsageAsync("user_ada", "page_view", "e2", cancellationToken: TestContext.Current.CancellationToken);

        var state = ((Client.Webhooks.CustomerStateChangedWebhookEvent)AssertWebhooks("customer.state_changed")[0]).Data;
        Assert.Equal(ada.Id, state.Id);
        Assert.Equal(1, Assert.Single(state.ActiveMeters).ConsumedUnits);
    }
}

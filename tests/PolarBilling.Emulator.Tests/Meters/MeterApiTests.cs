using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Meters;

public sealed class MeterApiTests : EmulatorTest
{
    [Fact]
    public async Task A_meter_is_created_with_its_filter_and_aggregation_and_a_metadata_prefix_is_stripped()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/meters/", """
            {"name":"Tokens","filter":{"conjunction":"and","clauses":[{"property":"name","operator":"eq","value":"llm"},{"property":"metadata.model","operator":"like","value":"gpt"}]},
             "aggregation":{"func":"sum","property":"metadata.tokens"},"metadata":{"team":"ai"}}
            """);

        Assert.Equal(201, status);
        Assert.Equal("scalar", body!["unit"]!.GetValue<string>());
        Assert.Equal("model", body["filter"]!["clauses"]![1]!["property"]!.GetValue<string>());
        Assert.Equal("""{"func":"sum","property":"tokens"}""", body["aggregation"]!.ToJsonString());
        Assert.Null(body["archived_at"]);
        AssertWebhooks();
        var read = await Polar.Meters.GetAsync(body["id"]!.GetValue<string>(), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Tokens", read.Name);
    }

    [Fact]
    public async Task Meters_are_listed_by_name_and_filtered_by_query_archive_state_and_metadata()
    {
        var zeta = await UsageSetup.CreateCountMeterAsync(Polar, "zeta");
        var alpha = await UsageSetup.CreateCountMeterAsync(Polar, "alpha");
        await Polar.Meters.ArchiveAsync(zeta.Id, cancellationToken: TestContext.Current.CancellationToken);

        var all = await Polar.Meters.ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        var active = await Polar.Meters.ListAsync(new MeterListOptions { IsArchived = false }, cancellationToken: TestContext.Current.CancellationToken);
        var byQuery = await Polar.Meters.ListAsync(new MeterListOptions { Query = "ZET" }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([alpha.Id, zeta.Id], all.Items.Select(m => m.Id));
        Assert.Equal([alpha.Id], active.Items.Select(m => m.Id));
        Assert.Equal([zeta.Id], byQuery.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task A_meter_is_archived_and_unarchived()
    {
        var meter = await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        Clock.Advance(TimeSpan.FromMinutes(5));

        var archived = await Polar.Meters.ArchiveAsync(meter.Id, cancellationToken: TestContext.Current.CancellationToken);
        var unarchived = await Polar.Meters.UnarchiveAsync(meter.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Clock.GetUtcNow(), archived.ArchivedAt);
        Assert.Null(unarchived.ArchivedAt);
    }

    [Fact]
    public async Task A_meter_used_by_a_meter_credit_benefit_cannot_be_archived()
    {
        var meter = await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        await Polar.Benefits.CreateAsync(new BenefitMeterCreditCreate
        {
            Description = "100 calls",
            Properties = new BenefitMeterCreditCreateProperties { MeterId = meter.Id, Units = 100, Rollover = false },
        }, cancellationToken: TestContext.Current.CancellationToken);

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/meters/{meter.Id}", """{"is_archived":true}""");

        Assert.Equal(422, status);
        Assert.Equal(
            """[{"type":"value_error","loc":["body","is_archived"],"msg":"Cannot archive meter that is still referenced by active benefits","input":true}]""",
            body!["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task The_filter_is_frozen_once_the_meter_aggregates_a_customers_events()
    {
        var meter = await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        var renamed = await Polar.Meters.UpdateAsync(meter.Id, new MeterUpdate { Name = "Calls", Filter = MeterFilters.EventName("call") }, cancellationToken: TestContext.Current.CancellationToken);
        var customer = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");
        await UsageSetup.IngestAsync(Polar, UsageSetup.Event(customer.Id, "call"));

        var (status, body) = await SendAsync(HttpMethod.Patch, $"/v1/meters/{meter.Id}", """{"aggregation":{"func":"count"},"name":"Still calls"}""");

        Assert.Equal(("Calls", "call"), (renamed.Name, ((FilterClause)renamed.Filter.Clauses[0]).Value.ToString()));
        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal(("forbidden", """["body","aggregation"]""", """{"func":"count"}"""), (issue["type"]!.GetValue<string>(), issue["loc"]!.ToJsonString(), issue["input"]!.ToJsonString()));
        Assert.Equal("This field can't be updated because the meter is already aggregating events.", issue["msg"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_meter_is_a_404()
    {
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/meters/{Guid.NewGuid()}")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Patch, $"/v1/meters/{Guid.NewGuid()}", """{"name":"x12"}""")).Status);
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/meters/{Guid.NewGuid()}/quantities?start_timestamp=2026-11-01T00:00:00Z&end_timestamp=2026-11-02T00:00:00Z&interval=day")).Status);
    }
}

using PolarBilling.Client;
using PolarBilling.Emulator.Events;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Meters;
using Xunit;

namespace PolarBilling.Emulator.Tests.CustomerMeters;

public sealed class CustomerMeterTests : EmulatorTest
{
    [Fact]
    public async Task Consumed_units_follow_usage_and_credits_make_the_balance()
    {
        var meter = await UsageSetup.CreateMeterAsync(Polar, "Tokens", MeterFilters.EventName("llm"), MeterAggregations.Sum("tokens"));
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_ada");
        lock (Emulator.State.Gate)
        {
            SystemEvents.MeterCredited(Emulator.State, Emulator.State.Customers.Get(ada.Id), meter.Id, 1000);
        }

        await UsageSetup.IngestAsync(Polar, UsageSetup.Event(ada.Id, "llm", null, null, ("tokens", 300)));
        await Polar.Events.RecordUsageAsync("user_ada", "llm", "e1", [new("tokens", 50)], cancellationToken: TestContext.Current.CancellationToken);

        var found = await Polar.CustomerMeters.FindForExternalCustomerAsync("user_ada", meter.Id, cancellationToken: TestContext.Current.CancellationToken);
        var read = await Polar.CustomerMeters.GetAsync(found!.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal((350.0, 1000L, 650.0), (read.ConsumedUnits, read.CreditedUnits, read.Balance));
        Assert.Equal((ada.Id, meter.Id, "Tokens"), (read.Customer.Id, read.MeterId, read.Meter.Name));
    }

    [Fact]
    public async Task A_meter_reset_starts_a_new_window()
    {
        var meter = await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com");
        await UsageSetup.IngestAsync(Polar, UsageSetup.Event(ada.Id, "api_call"), UsageSetup.Event(ada.Id, "api_call"));
        Clock.Advance(TimeSpan.FromDays(30));
        lock (Emulator.State.Gate)
        {
            SystemEvents.MeterReset(Emulator.State, Emulator.State.Customers.Get(ada.Id), meter.Id);
        }

        // Backdated usage counts in the window it was received in, as Polar bills by ingestion.
        await UsageSetup.IngestAsync(Polar, UsageSetup.Event(ada.Id, "api_call", Clock.GetUtcNow().AddDays(-40)));

        var page = await Polar.CustomerMeters.ListAsync(new CustomerMeterListOptions { CustomerId = [ada.Id] }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, Assert.Single(page.Items).ConsumedUnits);
    }

    [Fact]
    public async Task The_list_filters_by_customer_external_id_and_meter_and_leaves_out_archived_meters()
    {
        var calls = await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        var logins = await UsageSetup.CreateCountMeterAsync(Polar, "login");
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_ada");
        var alan = await UsageSetup.CreateCustomerAsync(Polar, "alan@example.com", "user_alan");
        await UsageSetup.IngestAsync(Polar, UsageSetup.Event(ada.Id, "api_call"), UsageSetup.Event(ada.Id, "login"), UsageSetup.Event(alan.Id, "api_call"));
        await Polar.Meters.ArchiveAsync(logins.Id, cancellationToken: TestContext.Current.CancellationToken);

        var all = await Polar.CustomerMeters.ListAsync(cancellationToken: TestContext.Current.CancellationToken);
        var forAda = await Polar.CustomerMeters.ListAsync(new CustomerMeterListOptions { ExternalCustomerId = ["user_ada"] }, cancellationToken: TestContext.Current.CancellationToken);
        var archived = await Polar.CustomerMeters.ListAsync(new CustomerMeterListOptions { MeterId = [logins.Id] }, cancellationToken: TestContext.Current.CancellationToken);
        var sorted = await Polar.CustomerMeters.ListAsync(new CustomerMeterListOptions { Sorting = ["customer_name", "-meter_name"] }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, all.Items.Count);
        Assert.All(all.Items, m => Assert.Equal(calls.Id, m.MeterId));
        Assert.Equal([ada.Id], forAda.Items.Select(m => m.CustomerId));
        Assert.Equal([ada.Id], archived.Items.Select(m => m.CustomerId));
        Assert.Equal(2, sorted.Items.Count);
    }

    [Fact]
    public async Task An_unknown_customer_meter_is_a_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/customer-meters/{Guid.NewGuid()}");

        Assert.Equal(404, status);
        Assert.Equal("""{"error":"ResourceNotFound","detail":"Not found"}""", body!.ToJsonString());
    }
}

using System.Net.Http.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Meters;
using Xunit;

namespace PolarBilling.Emulator.Tests.Events;

public sealed class UsageStateExportTests : EmulatorTest
{
    [Fact]
    public async Task Export_and_import_keep_customers_members_meters_events_and_the_de_duplication_index()
    {
        var meter = await UsageSetup.CreateCountMeterAsync(Polar, "api_call");
        var ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_ada");
        var (_, team) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"type":"team","email":"t@acme.test","owner":{"email":"boss@acme.test","external_id":"boss"}}""");
        await Polar.Events.RecordUsageAsync("user_ada", "api_call", "e1", cancellationToken: TestContext.Current.CancellationToken);
        var customerMeter = (await Polar.CustomerMeters.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items.Single();
        var events = (await Polar.Events.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items.Select(e => e.Id).ToList();

        using var export = await Http.GetAsync("/emulator/state", TestContext.Current.CancellationToken);
        var document = await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await Http.PostAsync("/emulator/reset", null, TestContext.Current.CancellationToken);
        Assert.Empty((await Polar.Customers.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items);
        using var import = await Http.PutAsync("/emulator/state", new StringContent(document, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(204, (int)import.StatusCode);
        Assert.Equal(ada.Id, (await Polar.Customers.GetByExternalIdAsync("user_ada", cancellationToken: TestContext.Current.CancellationToken)).Id);
        Assert.Equal(meter.Id, (await Polar.Meters.GetAsync(meter.Id, cancellationToken: TestContext.Current.CancellationToken)).Id);
        Assert.Equal(events, (await Polar.Events.ListAsync(cancellationToken: TestContext.Current.CancellationToken)).Items.Select(e => e.Id));
        Assert.Equal(200, (await SendAsync(HttpMethod.Get, $"/v1/customers/{team!["id"]}/members/{(await SendAsync(HttpMethod.Get, "/v1/members/?role=owner")).Body!["items"]![0]!["id"]}")).Status);
        var restored = await Polar.CustomerMeters.GetAsync(customerMeter.Id, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, restored.ConsumedUnits);

        var again = await Polar.Events.RecordUsageAsync("user_ada", "api_call", "e1", cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal((0L, 1L), (again.Inserted, again.Duplicates!.Value));
    }
}

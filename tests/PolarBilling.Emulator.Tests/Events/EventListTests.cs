using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Meters;
using Xunit;

namespace PolarBilling.Emulator.Tests.Events;

public sealed class EventListTests : EmulatorTest
{
    private static readonly DateTimeOffset Day = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private Customer _ada = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _ada = await UsageSetup.CreateCustomerAsync(Polar, "ada@example.com", "user_ada");
        await UsageSetup.IngestAsync(
            Polar,
            UsageSetup.Event(_ada.Id, "api_call", Day.AddHours(1), "a", ("path", "/users")),
            UsageSetup.Event(_ada.Id, "api_call", Day.AddHours(2), "b", ("path", "/orders")),
            UsageSetup.Event(_ada.Id, "login", Day.AddHours(3), "c"));
        await Polar.Events.RecordUsageAsync("user_ada", "api_call", "d", [new("path", "/users")], Day.AddHours(4), cancellationToken: TestContext.Current.CancellationToken);
        await Polar.Events.RecordUsageAsync("someone_else", "api_call", "e", timestamp: Day.AddHours(5), cancellationToken: TestContext.Current.CancellationToken);
    }

    private async Task<List<DateTimeOffset>> TimesAsync(EventListOptions options) =>
        [.. (await Polar.Events.ListAsync(options, cancellationToken: TestContext.Current.CancellationToken)).Items.Select(e => e.Timestamp)];

    [Fact]
    public async Task User_events_are_listed_newest_first_and_a_customers_events_by_id_or_external_id()
    {
        var byId = await TimesAsync(new EventListOptions { CustomerId = [_ada.Id], Source = [EventSource.User] });
        var byExternalId = await TimesAsync(new EventListOptions { ExternalCustomerId = ["user_ada"], Source = [EventSource.User], Sorting = ["timestamp"] });

        Assert.Equal([Day.AddHours(4), Day.AddHours(3), Day.AddHours(2), Day.AddHours(1)], byId);
        Assert.Equal([Day.AddHours(1), Day.AddHours(2), Day.AddHours(3), Day.AddHours(4)], byExternalId);
    }

    [Fact]
    public async Task Name_time_window_metadata_and_meter_filters_narrow_the_list()
    {
        var meter = await UsageSetup.CreateMeterAsync(Polar, "Users path", MeterFilters.All(MeterFilters.Clause("path", FilterOperator.Eq, "/users")), MeterAggregations.Count());

        Assert.Equal(4, (await TimesAsync(new EventListOptions { Name = ["api_call"] })).Count);
        Assert.Equal([Day.AddHours(3), Day.AddHours(2)], await TimesAsync(new EventListOptions { StartTimestamp = Day.AddHours(1), EndTimestamp = Day.AddHours(4), Source = [EventSource.User] }));
        Assert.Equal([Day.AddHours(4), Day.AddHours(1)], await TimesAsync(new EventListOptions { Metadata = new Dictionary<string, MetadataValue> { ["path"] = "/users" } }));
        Assert.Equal([Day.AddHours(4), Day.AddHours(1)], await TimesAsync(new EventListOptions { MeterId = meter.Id }));
        Assert.Equal([Day.AddHours(3)], await TimesAsync(new EventListOptions { Filter = MeterFilters.EventName("login") }));
    }

    [Fact]
    public async Task An_unknown_meter_is_a_422_and_an_unknown_event_a_404()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/events/?meter_id={Guid.Empty}");
        var (missing, _) = await SendAsync(HttpMethod.Get, $"/v1/events/{Guid.NewGuid()}");

        Assert.Equal((422, 404), (status, missing));
        Assert.Equal("""[{"type":"meter_id","loc":["query","meter_id"],"msg":"Meter not found.","input":"00000000-0000-0000-0000-000000000000"}]""", body!["detail"]!.ToJsonString());
    }

    [Fact]
    public async Task An_event_is_read_with_its_customer()
    {
        var listed = (await Polar.Events.ListAsync(new EventListOptions { Name = ["login"] }, cancellationToken: TestContext.Current.CancellationToken)).Items[0];

        var read = await Polar.Events.GetAsync(listed.Id, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(("user_ada", _ada.Id), (read.ExternalCustomerId, read.Customer!.Id));
        Assert.IsType<UserEvent>(read);
    }

    [Fact]
    public async Task Pages_come_with_offsets_or_with_a_cursor_when_asked()
    {
        var (_, numbered) = await SendAsync(HttpMethod.Get, "/v1/events/?source=user&limit=2&page=2");
        var (_, cursor) = await SendAsync(HttpMethod.Get, "/v1/events/?source=user&limit=2&page=3&cursor_pagination=true");
        var (_, open) = await SendAsync(HttpMethod.Get, "/v1/events/?source=user&limit=2&cursor_pagination=true");

        Assert.Equal("""{"total_count":5,"max_page":3}""", numbered!["pagination"]!.ToJsonString());
        Assert.Equal("""{"has_next_page":false}""", cursor!["pagination"]!.ToJsonString());
        Assert.Equal("""{"has_next_page":true}""", open!["pagination"]!.ToJsonString());
    }

    [Fact]
    public async Task Event_names_are_counted_with_their_first_and_last_time()
    {
        var names = await Polar.Events.ListNamesAsync(new EventNameListOptions { Source = [EventSource.User] }, cancellationToken: TestContext.Current.CancellationToken);
        var forAda = await Polar.Events.ListNamesAsync(new EventNameListOptions { ExternalCustomerId = ["user_ada"], Sorting = ["name"] }, cancellationToken: TestContext.Current.CancellationToken);

        var calls = names.Items[0];
        Assert.Equal(("api_call", 4L, Day.AddHours(1), Day.AddHours(5)), (calls.Name, calls.Occurrences, calls.FirstSeen, calls.LastSeen));
        Assert.Equal("login", names.Items[1].Name);
        Assert.Equal(["api_call", "customer.created", "login"], forAda.Items.Select(n => n.Name));
        Assert.Equal(EventSource.System, forAda.Items[1].Source);
        Assert.Equal("Customer Created", forAda.Items[1].Label);
    }
}

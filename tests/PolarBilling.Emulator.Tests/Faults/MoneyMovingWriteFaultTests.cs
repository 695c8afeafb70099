using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>
/// What <c>after_commit</c> is for: a write Polar carried out whose answer was lost. The typed client must not repeat a
/// write Polar cannot de-duplicate, and may repeat one it can (events with an <c>external_id</c>).
/// </summary>
public sealed class MoneyMovingWriteFaultTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_committed_write_that_cannot_be_deduplicated_is_not_retried_after_its_500()
    {
        var rule = await FaultControl.AddAsync(Http, """{"target":"api","route":"events:ingest","action":"error","status":500,"after_commit":true}""");
        using var polar = FaultControl.RetryingClient(Emulator, CreateHttpClient(token: null));

        var error = await Assert.ThrowsAsync<PolarServerException>(() =>
            polar.Events.IngestAsync([new EventCreateExternalCustomer { ExternalCustomerId = "user_1", Name = "api_call" }], cancellationToken: Ct));

        Assert.Equal(500, (int)error.StatusCode);
        Assert.Equal(1, (long)(await FaultControl.RuleAsync(Http, (string)rule["id"]!))["fired"]!);
        var (_, events) = await SendAsync(HttpMethod.Get, "/v1/events/?source=user");
        Assert.Equal(1, (int)events!["pagination"]!["total_count"]!);
    }

    [Fact]
    public async Task A_committed_write_with_an_external_id_is_retried_and_stored_once()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"POST /v1/events/ingest","action":"error","status":503,"after_commit":true,"count":1}""");
        using var polar = FaultControl.RetryingClient(Emulator, CreateHttpClient(token: null));

        var result = await polar.Events.RecordUsageAsync("user_1", "api_call", "usage-1", cancellationToken: Ct);

        Assert.Equal((0L, 1L), (result.Inserted, result.Duplicates!.Value));
        var (_, events) = await SendAsync(HttpMethod.Get, "/v1/events/?source=user");
        Assert.Equal(1, (int)events!["pagination"]!["total_count"]!);
    }
}

using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Tests.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>One seed drives every fault decision: the same rules and traffic give the same faults in a fresh emulator.</summary>
public sealed class FaultSeedTests : EmulatorTest
{
    private const string HalfTheProductLists = """{"target":"api","route":"products:list","action":"error","status":503,"rate":0.5}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_seeded_rate_gives_the_same_faults_in_two_fresh_emulators()
    {
        await FaultControl.AddAsync(Http, HalfTheProductLists);
        var first = await ProductListStatusesAsync(Http);

        await using var other = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0 }, Ct);
        using var otherHttp = ClientFor(other);
        await FaultControl.AddAsync(otherHttp, HalfTheProductLists);
        var second = await ProductListStatusesAsync(otherHttp);

        Assert.Equal(first, second);
        Assert.InRange(first.Count(s => s == 503), 8, 32);
        Assert.Contains(200, first);
    }

    [Fact]
    public async Task Another_seed_gives_another_sequence_and_the_same_seed_repeats_it()
    {
        await SendAsync(HttpMethod.Put, "/emulator/faults/seed", """{"seed": 1}""");
        await FaultControl.AddAsync(Http, HalfTheProductLists);
        var seedOne = await ProductListStatusesAsync(Http);

        await SendAsync(HttpMethod.Delete, "/emulator/faults");
        await SendAsync(HttpMethod.Put, "/emulator/faults/seed", """{"seed": 2}""");
        await FaultControl.AddAsync(Http, HalfTheProductLists);
        var seedTwo = await ProductListStatusesAsync(Http);

        await SendAsync(HttpMethod.Delete, "/emulator/faults");
        await SendAsync(HttpMethod.Put, "/emulator/faults/seed", """{"seed": 1}""");
        await FaultControl.AddAsync(Http, HalfTheProductLists);
        var seedOneAgain = await ProductListStatusesAsync(Http);

        Assert.NotEqual(seedOne, seedTwo);
        Assert.Equal(seedOne, seedOneAgain);
    }

    [Fact]
    public async Task Seeded_webhook_faults_repeat_exactly_in_a_fresh_emulator()
    {
        const string Drop = """{"target":"webhooks","action":"drop","rate":0.3}""";
        const string Duplicate = """{"target":"webhooks","action":"duplicate","rate":0.3}""";
        await using var receiver = await WebhookReceiver.StartAsync(Ct);
        AddWebhookEndpoint(receiver);
        await FaultControl.AddAsync(Http, Drop);
        await FaultControl.AddAsync(Http, Duplicate);
        var (firstLog, firstReceived) = await RunWebhooksAsync(Emulator, Http, receiver);

        await using var other = await PolarEmulator.StartAsync(new PolarEmulatorOptions { RateLimitPerMinute = 0 }, Ct);
        using var otherHttp = ClientFor(other);
        await using var otherReceiver = await WebhookReceiver.StartAsync(Ct);
        other.AddWebhookEndpoint(otherReceiver.UrlFor());
        await FaultControl.AddAsync(otherHttp, Drop);
        await FaultControl.AddAsync(otherHttp, Duplicate);
        var (secondLog, secondReceived) = await RunWebhooksAsync(other, otherHttp, otherReceiver);

        Assert.Equal(firstLog, secondLog);
        Assert.Equal(firstReceived, secondReceived);
        Assert.Contains(firstLog, e => e.StartsWith("drop", StringComparison.Ordinal));
        Assert.Contains(firstLog, e => e.StartsWith("duplicate", StringComparison.Ordinal));
    }

    /// <summary>Emits 20 events and returns the fault log (action and emitted sequence) and the sorted emails received.</summary>
    private static async Task<(List<string> Log, List<string> Received)> RunWebhooksAsync(PolarEmulator emulator, HttpClient http, WebhookReceiver receiver)
    {
        TestEvents.CustomersCreated(emulator, 20);
        var log = (await FaultControl.LogAsync(http)).Select(e => $"{e["action"]} {e["emitted_sequence"]}").ToList();
        var expected = 20 - log.Count(e => e.StartsWith("drop", StringComparison.Ordinal)) + log.Count(e => e.StartsWith("duplicate", StringComparison.Ordinal));
        await receiver.WaitForAsync(expected);
        await Task.Delay(300, Ct);
        var received = receiver.Received.Select(d => (string)JsonNode.Parse(d.Text)!["data"]!["email"]!).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, received.Count);
        return (log, received);
    }

    private static async Task<List<int>> ProductListStatusesAsync(HttpClient http)
    {
        var statuses = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            using var response = await http.GetAsync("/v1/products/", Ct);
            statuses.Add((int)response.StatusCode);
        }

        return statuses;
    }

    private static HttpClient ClientFor(PolarEmulator emulator)
    {
        var client = new HttpClient { BaseAddress = emulator.BaseUrl };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", emulator.AccessToken);
        return client;
    }
}

using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator;
using PolarBilling.Emulator.ClockBench;

// 1,000 subscriptions through 12 monthly cycles on the test clock, every webhook delivered to (and verified by) a
// local receiver. Usage: dotnet run -c Release --project bench/PolarBilling.Emulator.ClockBench [subscriptions] [months]
var subscriptions = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var months = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 12;
var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

await using var sink = await WebhookSink.StartAsync();
await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { ClockStart = start, RateLimitPerMinute = 0 });
var withWebhooks = !args.Contains("--no-webhooks");
if (withWebhooks)
{
    sink.UseSecret(emulator.AddWebhookEndpoint(sink.Url).Secret);
}

using var polar = new PolarClient(emulator.CreateClientOptions());
using var http = new HttpClient { BaseAddress = emulator.BaseUrl };

var seeding = Stopwatch.StartNew();
var benefit = await polar.Benefits.CreateAsync(new BenefitFeatureFlagCreate { Description = "Pro features", Properties = new BenefitFeatureFlagCreateProperties() });
var product = await polar.Products.CreateAsync(new ProductCreateRecurring
{
    Name = "Pro",
    RecurringInterval = RecurringInterval.Month,
    Prices = [new ProductPriceFixedCreate { PriceAmount = 2900 }],
});
await polar.Products.SetBenefitsAsync(product.Id, [benefit.Id]);
await Parallel.ForEachAsync(Enumerable.Range(0, subscriptions), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
{
    var checkout = await polar.Checkouts.CreateAsync(new CheckoutProductsCreate { Products = [product.Id], CustomerEmail = $"customer{i}@example.com" }, cancellationToken: ct);
    (await http.PostAsJsonAsync($"/emulator/checkouts/{checkout.Id}/complete", new JsonObject(), ct)).EnsureSuccessStatusCode();
});
var emitted = (await http.GetFromJsonAsync<JsonObject>("/emulator/webhooks/emitted"))!["items"]!.AsArray().Count;
await WaitForAsync(sink, withWebhooks ? emitted : 0, TimeSpan.FromMinutes(5));
Console.WriteLine($"Seeded {subscriptions} subscriptions ({emitted} webhooks delivered) in {seeding.Elapsed.TotalSeconds:F1} s.");

using var allocationTypes = args.Contains("--alloc-types") ? new AllocationTypes() : null;
var bytesBefore = sink.Bytes;
var gc = GcSnapshot.Take();
var run = Stopwatch.StartNew();
var advance = emulator.AdvanceClockTo(start.AddMonths(months));
var advanced = run.Elapsed;
var afterAdvance = GcSnapshot.Take();
await WaitForAsync(sink, withWebhooks ? emitted + advance.WebhooksQueued : 0, TimeSpan.FromMinutes(10));
var total = run.Elapsed;
var afterDelivery = GcSnapshot.Take();

var renewals = advance.Actions.Count(a => a.Kind == "subscription.renewal" && a.Outcome == "active");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
Console.WriteLine($"Renewals run:           {renewals} ({subscriptions} subscriptions x {months} months)");
Console.WriteLine($"Webhooks queued:        {advance.WebhooksQueued} ({(sink.Bytes - bytesBefore) / (1024.0 * 1024):F0} MiB of payload delivered)");
Console.WriteLine($"Clock advance:          {advanced.TotalSeconds:F2} s");
Console.WriteLine($"All webhooks delivered: {total.TotalSeconds:F2} s ({advance.WebhooksQueued / total.TotalSeconds:F0} deliveries/s, {sink.Invalid} invalid signatures)");
Console.WriteLine($"Advance cost:           {afterAdvance - gc}");
Console.WriteLine($"Whole run cost:         {afterDelivery - gc}");
foreach (var (type, bytes) in allocationTypes?.Top(25) ?? [])
{
    Console.WriteLine($"  {bytes / (1024.0 * 1024):F0} MiB  {type}");
}

return renewals == subscriptions * months && sink.Invalid == 0 ? 0 : 1;

static async Task WaitForAsync(WebhookSink sink, int expected, TimeSpan limit)
{
    var deadline = Stopwatch.StartNew();
    while (sink.Received < expected)
    {
        if (deadline.Elapsed > limit)
        {
            throw new TimeoutException($"Only {sink.Received} of {expected} webhooks arrived within {limit}.");
        }

        await Task.Delay(5);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator;
using PolarBilling.Emulator.ClockBench;

// 1,000 subscriptions through 12 monthly cycles on the test clock, every webhook delivered to (and verified by) a
// local receiver. Usage:
//   dotnet run -c Release --project bench/PolarBilling.Emulator.ClockBench [subscriptions] [months] [options]
// Options: --no-warmup (measure a cold process: the JIT compiles the renewal path during the measured run),
// --warmup N (subscriptions in the warm-up year, default 100), --no-webhooks, --alloc-types.
var numbers = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal) && int.TryParse(a, CultureInfo.InvariantCulture, out _)).ToList();
var subscriptions = numbers.Count > 0 ? int.Parse(numbers[0], CultureInfo.InvariantCulture) : 1000;
var months = numbers.Count > 1 ? int.Parse(numbers[1], CultureInfo.InvariantCulture) : 12;
var withWebhooks = !args.Contains("--no-webhooks");
var warmupIndex = Array.IndexOf(args, "--warmup");
var warmup = args.Contains("--no-warmup") ? 0
    : warmupIndex >= 0 && warmupIndex + 1 < args.Length ? int.Parse(args[warmupIndex + 1], CultureInfo.InvariantCulture) : 100;

Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}");
if (warmup > 0)
{
    // As BenchmarkDotNet does before it measures: the same work, smaller and on its own emulator, so the measured run
    // finds the renewal path compiled (tier 0 to tier 1 is otherwise seconds of JIT inside the measured run).
    var warm = Stopwatch.StartNew();
    await YearRun.RunAsync(warmup, months, withWebhooks, measure: false);
    var settled = await YearRun.WaitForJitToSettleAsync(TimeSpan.FromSeconds(20));
    Console.WriteLine($"Warm-up: {warmup} subscriptions x {months} months in {warm.Elapsed.TotalSeconds:F1} s; JIT settled after {settled.TotalSeconds:F1} s more.");
}
else
{
    Console.WriteLine("Warm-up: none (cold process).");
}

var ok = await YearRun.RunAsync(subscriptions, months, withWebhooks, measure: true, allocationTypes: args.Contains("--alloc-types"));
return ok ? 0 : 1;

internal static class YearRun
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Seeds <paramref name="subscriptions"/> paid subscriptions, then advances the clock <paramref name="months"/> months and waits for every webhook.</summary>
    public static async Task<bool> RunAsync(int subscriptions, int months, bool withWebhooks, bool measure, bool allocationTypes = false)
    {
        await using var sink = await WebhookSink.StartAsync();
        await using var emulator = await PolarEmulator.StartAsync(new PolarEmulatorOptions { ClockStart = Start, RateLimitPerMinute = 0 });
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
        if (measure)
        {
            Console.WriteLine($"Seeded {subscriptions} subscriptions ({emitted} webhooks delivered) in {seeding.Elapsed.TotalSeconds:F1} s.");
        }

        using var allocations = allocationTypes ? new AllocationTypes() : null;
        var bytesBefore = sink.Bytes;
        var gc = GcSnapshot.Take();
        var run = Stopwatch.StartNew();
        var advance = emulator.AdvanceClockTo(Start.AddMonths(months));
        var advanced = run.Elapsed;
        var afterAdvance = GcSnapshot.Take();
        await WaitForAsync(sink, withWebhooks ? emitted + advance.WebhooksQueued : 0, TimeSpan.FromMinutes(10));
        var total = run.Elapsed;
        var afterDelivery = GcSnapshot.Take();

        var renewals = advance.Actions.Count(a => a.Kind == "subscription.renewal" && a.Outcome == "active");
        var ok = renewals == subscriptions * months && sink.Invalid == 0;
        if (!measure)
        {
            return ok;
        }

        Console.WriteLine($"Renewals run:           {renewals} ({subscriptions} subscriptions x {months} months)");
        Console.WriteLine($"Webhooks queued:        {advance.WebhooksQueued} ({(sink.Bytes - bytesBefore) / (1024.0 * 1024):F0} MiB of payload delivered)");
        Console.WriteLine($"Clock advance:          {advanced.TotalSeconds:F2} s");
        Console.WriteLine($"All webhooks delivered: {total.TotalSeconds:F2} s ({advance.WebhooksQueued / total.TotalSeconds:F0} deliveries/s, {sink.Invalid} invalid signatures)");
        Console.WriteLine($"Advance cost:           {afterAdvance - gc}");
        Console.WriteLine($"Whole run cost:         {afterDelivery - gc}");
        foreach (var (type, bytes) in allocations?.Top(25) ?? [])
        {
            Console.WriteLine($"  {bytes / (1024.0 * 1024):F0} MiB  {type}");
        }

        return ok;
    }

    /// <summary>Waits until no method has been compiled for half a second (background tier-up done), up to <paramref name="limit"/>.</summary>
    public static async Task<TimeSpan> WaitForJitToSettleAsync(TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        var quietSince = waited.Elapsed;
        while (waited.Elapsed < limit && waited.Elapsed - quietSince < TimeSpan.FromMilliseconds(500))
        {
            await Task.Delay(50);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != count)
            {
                count = now;
                quietSince = waited.Elapsed;
            }
        }

        return waited.Elapsed;
    }

    private static async Task WaitForAsync(WebhookSink sink, int expected, TimeSpan limit)
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
}

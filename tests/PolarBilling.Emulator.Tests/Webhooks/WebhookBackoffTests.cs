using PolarBilling.Emulator.Tests.Infrastructure;
using PolarBilling.Emulator.Webhooks;
using Xunit;

namespace PolarBilling.Emulator.Tests.Webhooks;

public sealed class WebhookBackoffTests : EmulatorTest
{
    private const double Scale = 0.02;

    protected override void Configure(PolarEmulatorOptions options) => options.WebhookRetryTimeScale = Scale;

    [Theory]
    [InlineData(1, 4_000)]
    [InlineData(2, 8_000)]
    [InlineData(9, 1_024_000)]
    [InlineData(10, 1_200_000)]
    public void The_wait_after_n_failures_is_between_half_and_all_of_2_seconds_times_2_to_the_n_capped_at_20_minutes(int failures, int nominalMs)
    {
        for (var i = 0; i < 200; i++)
        {
            var delay = WebhookBackoff.Delay(failures, 1.0);
            Assert.InRange(delay.TotalMilliseconds, nominalMs / 2.0, nominalMs);
        }
    }

    [Fact]
    public async Task Retries_wait_polars_growing_backoff_times_the_time_scale()
    {
        await using var receiver = await WebhookReceiver.StartAsync(TestContext.Current.CancellationToken);
        AddWebhookEndpoint(receiver);
        receiver.AnswerWith(500, 500, 500, 500);

        TestEvents.CustomerCreated(Emulator);
        var attempts = await receiver.WaitForAsync(5, TimeSpan.FromSeconds(30));

        for (var n = 1; n <= 4; n++)
        {
            var nominal = 2000 * Math.Pow(2, n) * Scale;
            var gap = attempts[n].Since(attempts[n - 1]).TotalMilliseconds;
            // Timers may fire a hair early; a loaded machine may be late, never early by much.
            Assert.True(gap >= (nominal / 2) - 5, $"Retry {n} came after {gap:F0} ms, before half of {nominal} ms.");
            Assert.True(gap <= nominal + 3000, $"Retry {n} came after {gap:F0} ms, long after {nominal} ms.");
        }
    }
}

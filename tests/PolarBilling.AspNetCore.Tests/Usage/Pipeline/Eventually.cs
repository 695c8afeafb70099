using Xunit;

namespace PolarBilling.AspNetCore.Tests.Usage.Pipeline;

/// <summary>Polls with a deadline of real time instead of sleeping a guessed amount.</summary>
internal static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> read, string what, int seconds = 30)
        where T : class
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(seconds);
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(TimeProvider.System.GetUtcNow() < deadline, $"Waited {seconds} s for {what}.");
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }
}

namespace PolarBilling.EntityFrameworkCore;

/// <summary>How the dispatcher and the notification delivery work through their tables.</summary>
public sealed class WebhookDispatcherOptions
{
    /// <summary>Events (or notifications) claimed per transaction. Default 100.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>Failed attempts before an event or notification is dead-lettered. Default 8.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; doubled after each further one. Default 2 s.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts. Default 10 minutes.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the background worker looks for work when nothing woke it. Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    internal TimeSpan BackoffAfter(int attempts)
    {
        var factor = Math.Pow(2, Math.Clamp(attempts - 1, 0, 30));
        var wait = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return wait < MaxBackoff ? wait : MaxBackoff;
    }
}

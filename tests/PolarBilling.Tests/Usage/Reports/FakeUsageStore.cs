using PolarBilling.Notifications;
using PolarBilling.Usage;

namespace PolarBilling.Tests.Usage.Reports;

/// <summary>Usage windows in a list, read the way the EF Core store reads them.</summary>
internal sealed class FakeUsageStore : IUsageStore
{
    public List<UsageWindow> Windows { get; } = [];

    public void Add(string userId, string meter, DateTimeOffset windowStart, DateTimeOffset periodStart, long quantity) =>
        Windows.Add(new UsageWindow { UserId = userId, Meter = meter, WindowStart = windowStart, WindowEnd = windowStart.AddHours(1), PeriodStart = periodStart, Quantity = quantity });

    public Task<IReadOnlyDictionary<string, long>> SumByMeterAsync(string userId, DateTimeOffset periodStart, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, long>>(Windows
            .Where(w => w.UserId == userId && w.PeriodStart == periodStart)
            .GroupBy(w => w.Meter)
            .ToDictionary(g => g.Key, g => g.Sum(w => w.Quantity)));

    public Task<IReadOnlyList<UsageWindow>> ListWindowsAsync(string userId, string? meter, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UsageWindow>>([.. Windows
            .Where(w => w.UserId == userId && (meter is null || w.Meter == meter) && w.WindowStart >= from && w.WindowStart < to)
            .OrderBy(w => w.WindowStart)]);

    public Task<IReadOnlyList<UsageAlert>> ListAlertsAsync(string userId, DateTimeOffset periodStart, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<UsageAlert>>([]);

    public Task<bool> TryRecordAlertAsync(UsageAlert alert, BillingNotification notification, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}

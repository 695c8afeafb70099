using System.Collections.Concurrent;
using PolarBilling.Notifications;

namespace PolarBilling.EntityFrameworkCore.Tests.Specification;

/// <summary>Counts every delivery per idempotency key; can be told to fail a number of times first.</summary>
public sealed class RecordingHandler : IBillingNotificationHandler
{
    private int _failuresLeft;

    public ConcurrentDictionary<string, int> Deliveries { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<BillingNotification> Received { get; } = new();

    public void FailNext(int times) => _failuresLeft = times;

    public Task HandleAsync(BillingNotification notification, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("handler is down");
        }

        Deliveries.AddOrUpdate(notification.Key, 1, (_, n) => n + 1);
        Received.Enqueue(notification);
        return Task.CompletedTask;
    }
}

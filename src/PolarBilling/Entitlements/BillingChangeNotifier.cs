using Microsoft.Extensions.Logging;

namespace PolarBilling.Entitlements;

/// <summary>Fans a change out to every registered listener; one failing listener does not stop the others.</summary>
internal sealed partial class BillingChangeNotifier(IEnumerable<IBillingChangeListener> listeners, ILogger<BillingChangeNotifier> logger)
    : IBillingChangeNotifier
{
    private readonly IBillingChangeListener[] _listeners = [.. listeners];

    public void CustomersChanged(IReadOnlyCollection<string> customerIds, IReadOnlyCollection<string>? userIds = null)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        userIds ??= [];
        if (customerIds.Count == 0 && userIds.Count == 0)
        {
            return;
        }

        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnCustomersChanged(customerIds, userIds);
            }
            catch (Exception ex)
            {
                LogListenerFailed(logger, listener.GetType().Name, ex);
            }
        }
    }

    public void ChangesMissed()
    {
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnChangesMissed();
            }
            catch (Exception ex)
            {
                LogListenerFailed(logger, listener.GetType().Name, ex);
            }
        }
    }

    [LoggerMessage(1, LogLevel.Error, "Billing change listener {Listener} failed")]
    private static partial void LogListenerFailed(ILogger logger, string listener, Exception exception);
}

namespace PolarBilling.Emulator.Triggers;

/// <summary>Every trigger <c>POST /emulator/trigger</c> supports, by event type.</summary>
internal static class TriggerCatalog
{
    private static readonly Dictionary<string, Trigger> ByEvent = new[]
    {
        SubscriptionPaymentTriggers.All,
        SubscriptionLifecycleTriggers.All,
        SubscriptionCycleTriggers.All,
        OrderTriggers.All,
        CheckoutTriggers.All,
        CustomerTriggers.All,
    }.SelectMany(family => family).ToDictionary(t => t.Event, StringComparer.Ordinal);

    /// <summary>The supported event types, sorted, for error messages and docs.</summary>
    public static string Supported { get; } = string.Join(", ", ByEvent.Keys.Order(StringComparer.Ordinal));

    public static Trigger? Find(string eventType) => ByEvent.GetValueOrDefault(eventType);
}

namespace PolarBilling.Plans;

public sealed partial class BillingPlanCatalog
{
    private static readonly string[] Aggregations = ["count", "sum"];

    /// <summary>Problems with a plan's metered components; <paramref name="eventNames"/> holds each meter's event name across plans.</summary>
    private static void ValidateMeters(string key, BillingPlanOptions plan, BillingPlanKind kind, Dictionary<string, (string Plan, string EventName)> eventNames, List<string> problems)
    {
        if (plan.Meters.Count > 0 && kind != BillingPlanKind.Subscription)
        {
            problems.Add($"Polar:Plans:{key}:Meters is set on a {(kind == BillingPlanKind.OneTime ? "one-time product" : "free plan")}: usage is billed by subscriptions only, so give metered components to a paid subscription plan.");
        }

        foreach (var (meter, component) in plan.Meters)
        {
            var at = $"Polar:Plans:{key}:Meters:{meter}";
            if (!KeyPattern().IsMatch(meter))
            {
                problems.Add($"{at}: meter keys are lowercase letters, digits, '-' and '_' (1-64 characters), e.g. 'api_calls'.");
            }

            if (component is null)
            {
                problems.Add($"{at} is empty: set at least its Included units or UnitPrice.");
                continue;
            }

            if (component.Included < 0)
            {
                problems.Add($"{at}:Included must not be negative: give the units included each period (0 for none).");
            }

            if (component.UnitPrice < 0)
            {
                problems.Add($"{at}:UnitPrice must not be negative: give the price of one unit over Included in minor units (1 = $0.01).");
            }

            if (component.CapAmount is < 0)
            {
                problems.Add($"{at}:CapAmount must not be negative: give the most a period's overage may cost in minor units, or leave it unset.");
            }

            if (component.Aggregation is not null && !Aggregations.Contains(component.Aggregation.ToLowerInvariant(), StringComparer.Ordinal))
            {
                problems.Add($"{at}:Aggregation '{component.Aggregation}' is not supported: use 'count' (calls) or 'sum' (a quantity such as GB or tokens).");
            }

            if (component.EventName is { Length: > 128 })
            {
                problems.Add($"{at}:EventName is longer than Polar's 128 characters.");
            }

            var eventName = string.IsNullOrWhiteSpace(component.EventName) ? meter : component.EventName;
            if (!eventNames.TryAdd(meter, (key, eventName)) && eventNames[meter].EventName != eventName)
            {
                problems.Add($"{at}:EventName '{eventName}' differs from plan '{eventNames[meter].Plan}' ('{eventNames[meter].EventName}'): a meter key is one Polar event name in every plan.");
            }
        }
    }
}

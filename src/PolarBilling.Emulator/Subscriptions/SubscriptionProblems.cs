using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>The subscription errors of Polar's <c>subscription/service.py</c>, with their statuses and messages.</summary>
internal static class SubscriptionProblems
{
    public static EmulatorProblem AlreadyCanceled() =>
        Problems.Error(403, "AlreadyCanceledSubscription", "This subscription is already canceled or will be at the end of the period.");

    public static EmulatorProblem Inactive(string id) =>
        Problems.Error(403, "InactiveSubscription", $"Subscription {id} is not active.");

    /// <summary>Resuming a subscription that is not paused (approximated: Polar's message for it is not in the stored source).</summary>
    public static EmulatorProblem NotPaused(string id) =>
        Problems.Error(403, "InactiveSubscription", $"Subscription {id} is not paused.");

    public static EmulatorProblem Locked() =>
        Problems.Error(409, "SubscriptionLocked", "This subscription is pending an update.");

    public static EmulatorProblem NotSeatBased() =>
        Problems.Error(400, "NotASeatBasedSubscription", "This subscription does not support seat-based pricing.");

    public static EmulatorProblem SeatsAlreadyAssigned(long assigned, long requested) =>
        Problems.Error(400, "SeatsAlreadyAssigned", $"Cannot decrease seats to {requested}. Currently {assigned} seats are assigned. Revoke seats first.");

    public static EmulatorProblem BelowMinimumSeats(long minimum) =>
        Problems.Error(400, "BelowMinimumSeats", $"Minimum {minimum} seats required.");

    public static EmulatorProblem AboveMaximumSeats(long maximum) =>
        Problems.Error(400, "AboveMaximumSeats", $"Maximum {maximum} seats allowed.");

    public static EmulatorProblem InvalidField(string field, string message, System.Text.Json.Nodes.JsonNode? input) =>
        Problems.InvalidField(field, message, input);
}

namespace PolarBilling.Emulator.Faults;

/// <summary>The control API's names for targets and actions (<c>api</c>, <c>webhooks</c>, <c>rate_limit</c>, …).</summary>
internal static class FaultNames
{
    /// <summary>The actions each target allows, by their control API name.</summary>
    public static readonly IReadOnlyDictionary<FaultTarget, IReadOnlyDictionary<string, FaultAction>> Actions = new Dictionary<FaultTarget, IReadOnlyDictionary<string, FaultAction>>
    {
        [FaultTarget.Api] = new Dictionary<string, FaultAction>(StringComparer.Ordinal)
        {
            ["error"] = FaultAction.Error,
            ["latency"] = FaultAction.Latency,
            ["rate_limit"] = FaultAction.RateLimit,
            ["drop"] = FaultAction.Drop,
        },
        [FaultTarget.Webhooks] = new Dictionary<string, FaultAction>(StringComparer.Ordinal)
        {
            ["drop"] = FaultAction.Drop,
            ["duplicate"] = FaultAction.Duplicate,
            ["reorder"] = FaultAction.Reorder,
            ["delay"] = FaultAction.Delay,
        },
    };

    public static string Of(FaultTarget target) => target == FaultTarget.Api ? "api" : "webhooks";

    public static string Of(FaultAction action) => action switch
    {
        FaultAction.Error => "error",
        FaultAction.Latency => "latency",
        FaultAction.RateLimit => "rate_limit",
        FaultAction.Drop => "drop",
        FaultAction.Duplicate => "duplicate",
        FaultAction.Reorder => "reorder",
        _ => "delay",
    };
}

using System.Text.Json.Nodes;
using PolarBilling.Emulator.Contract;
using PolarBilling.Emulator.Control;

namespace PolarBilling.Emulator.Faults;

/// <summary>
/// Reads the body of <c>POST /emulator/faults</c> into a <see cref="FaultRule"/>. Every error is a 400 naming the field
/// and what it allows; a field the action does not use is an error too, so a typo cannot silently do nothing.
/// </summary>
internal static class FaultRuleReader
{
    private static readonly string[] Common = ["target", "action", "rate", "count"];

    private static readonly Dictionary<FaultAction, string[]> ApiFields = new()
    {
        [FaultAction.Error] = ["route", "status", "detail", "after_commit"],
        [FaultAction.Latency] = ["route", "latency_ms"],
        [FaultAction.RateLimit] = ["route", "burst", "retry_after"],
        [FaultAction.Drop] = ["route", "after_commit"],
    };

    private static readonly Dictionary<FaultAction, string[]> WebhookFields = new()
    {
        [FaultAction.Drop] = ["event_types"],
        [FaultAction.Duplicate] = ["event_types", "copies"],
        [FaultAction.Reorder] = ["event_types", "after", "max_hold_ms"],
        [FaultAction.Delay] = ["event_types", "delay_ms"],
    };

    /// <exception cref="Http.EmulatorProblem">400 <c>InvalidControlRequest</c> naming the field.</exception>
    public static FaultRule Read(JsonObject body)
    {
        var target = body.OptionalString("target") switch
        {
            "api" => FaultTarget.Api,
            "webhooks" => FaultTarget.Webhooks,
            null => throw ControlBody.Invalid("'target' is required: 'api' (requests to /v1/) or 'webhooks' (webhook deliveries)."),
            var other => throw ControlBody.Invalid($"'target' must be 'api' or 'webhooks', not '{other}'."),
        };
        var actions = FaultNames.Actions[target];
        var actionName = body.OptionalString("action")
            ?? throw ControlBody.Invalid($"'action' is required: one of {string.Join(", ", actions.Keys)} for target '{FaultNames.Of(target)}'.");
        if (!actions.TryGetValue(actionName, out var action))
        {
            throw ControlBody.Invalid($"'action' must be one of {string.Join(", ", actions.Keys)} for target '{FaultNames.Of(target)}', not '{actionName}'.");
        }

        var allowed = Common.Concat(target == FaultTarget.Api ? ApiFields[action] : WebhookFields[action]).ToList();
        if (body.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k)) is { } unknown)
        {
            throw ControlBody.Invalid($"'{unknown}' does not apply to a {FaultNames.Of(target)} '{actionName}' rule; its fields are {string.Join(", ", allowed)}.");
        }

        return new FaultRule
        {
            Target = target,
            Action = action,
            Route = target == FaultTarget.Api
                ? FaultRoute.Parse(body.OptionalString("route") ?? throw ControlBody.Invalid("'route' is required for an api rule: '*', an operation id such as 'checkouts:create', or 'POST /v1/checkouts/'."), ControlBody.Invalid)
                : null,
            EventTypes = target == FaultTarget.Webhooks ? EventTypes(body) : null,
            Rate = Rate(body),
            Count = Int(body, "count", 1, long.MaxValue, null),
            Status = Status(body),
            Detail = body.OptionalString("detail"),
            Milliseconds = (int)(action switch
            {
                FaultAction.Latency => Int(body, "latency_ms", 1, 600_000, null) ?? throw ControlBody.Invalid("'latency_ms' is required for a latency rule (1 to 600000)."),
                FaultAction.Delay => Int(body, "delay_ms", 1, 600_000, null) ?? throw ControlBody.Invalid("'delay_ms' is required for a delay rule (1 to 600000)."),
                _ => 0,
            }),
            Burst = (int)Int(body, "burst", 1, 10_000, 1)!.Value,
            RetryAfter = (int)Int(body, "retry_after", 0, 3600, 1)!.Value,
            AfterCommit = Bool(body, "after_commit"),
            Copies = (int)Int(body, "copies", 1, 10, 1)!.Value,
            After = (int)Int(body, "after", 1, 100, 1)!.Value,
            MaxHoldMilliseconds = (int)Int(body, "max_hold_ms", 1, 600_000, 10_000)!.Value,
        };
    }

    private static double Rate(JsonObject body)
    {
        if (body["rate"] is null)
        {
            return 1;
        }

        return body["rate"] is JsonValue value && value.TryGetValue<double>(out var rate) && rate is >= 0 and <= 1
            ? rate
            : throw ControlBody.Invalid("'rate' must be a number from 0 to 1 (the chance a match is faulted; default 1).");
    }

    private static long? Int(JsonObject body, string name, long min, long max, long? fallback)
    {
        var value = body.OptionalLong(name);
        if (value is { } v && (v < min || v > max))
        {
            throw ControlBody.Invalid(max == long.MaxValue ? $"'{name}' must be an integer of at least {min}." : $"'{name}' must be an integer from {min} to {max}.");
        }

        return value ?? fallback;
    }

    private static int Status(JsonObject body)
    {
        var status = (int)Int(body, "status", 400, 599, 500)!.Value;
        return status switch
        {
            429 => throw ControlBody.Invalid("'status' 429 is what action 'rate_limit' answers (empty body and Retry-After, as Polar's limiter): use that action."),
            422 => throw ControlBody.Invalid("'status' 422 carries Polar's validation details: send an invalid body instead, or use another status."),
            _ => status,
        };
    }

    private static bool Bool(JsonObject body, string name) => body[name] switch
    {
        null => false,
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag,
        _ => throw ControlBody.Invalid($"'{name}' must be true or false."),
    };

    private static List<string>? EventTypes(JsonObject body)
    {
        if (body["event_types"] is null)
        {
            return null;
        }

        var types = body.StringList("event_types");
        if (types.Count == 0)
        {
            throw ControlBody.Invalid("'event_types' must list at least one event type, or be left out for every type.");
        }

        foreach (var type in types)
        {
            if (!PolarContract.Validate("WebhookEventType", JsonValue.Create(type).ToJsonString()).IsValid)
            {
                throw ControlBody.Invalid($"'event_types' has '{type}', which is not a Polar webhook event type (such as 'order.created' or 'subscription.updated').");
            }
        }

        return [.. types.Distinct(StringComparer.Ordinal)];
    }
}

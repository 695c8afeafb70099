using System.Text.Json.Nodes;

namespace PolarBilling.Emulator.Faults;

/// <summary>Fault rules as the control API shows them: the settings as given (with defaults filled in) and the counters.</summary>
internal static class FaultViews
{
    public static JsonObject Rule(FaultRule rule)
    {
        var view = new JsonObject
        {
            ["id"] = rule.Id,
            ["target"] = FaultNames.Of(rule.Target),
            ["action"] = FaultNames.Of(rule.Action),
        };
        if (rule.Target == FaultTarget.Api)
        {
            view["route"] = rule.Route!.Text;
            view["operation_id"] = rule.Route.Operation?.OperationId;
        }
        else
        {
            view["event_types"] = rule.EventTypes is null ? null : new JsonArray([.. rule.EventTypes.Select(t => (JsonNode)t!)]);
        }

        view["rate"] = rule.Rate;
        view["count"] = rule.Count;
        switch (rule.Target, rule.Action)
        {
            case (FaultTarget.Api, FaultAction.Error):
                view["status"] = rule.Status;
                view["detail"] = rule.Detail;
                view["after_commit"] = rule.AfterCommit;
                break;
            case (FaultTarget.Api, FaultAction.Latency):
                view["latency_ms"] = rule.Milliseconds;
                break;
            case (FaultTarget.Api, FaultAction.RateLimit):
                view["burst"] = rule.Burst;
                view["retry_after"] = rule.RetryAfter;
                view["burst_left"] = rule.BurstLeft;
                break;
            case (FaultTarget.Api, FaultAction.Drop):
                view["after_commit"] = rule.AfterCommit;
                break;
            case (FaultTarget.Webhooks, FaultAction.Duplicate):
                view["copies"] = rule.Copies;
                break;
            case (FaultTarget.Webhooks, FaultAction.Reorder):
                view["after"] = rule.After;
                view["max_hold_ms"] = rule.MaxHoldMilliseconds;
                break;
            case (FaultTarget.Webhooks, FaultAction.Delay):
                view["delay_ms"] = rule.Milliseconds;
                break;
        }

        view["matched"] = rule.Matched;
        view["fired"] = rule.Fired;
        view["remaining"] = rule.Remaining;
        view["active"] = !rule.Spent || rule.BurstLeft > 0;
        return view;
    }
}

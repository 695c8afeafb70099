using System.Text.Json.Nodes;
using PolarBilling.Emulator.Contract;

namespace PolarBilling.Emulator.Faults;

internal sealed partial class FaultRegistry
{
    /// <summary><c>GET /emulator/faults</c>: the seed, every rule with its counters, and the log of injected faults (oldest first).</summary>
    public JsonObject Describe()
    {
        lock (_gate)
        {
            return new JsonObject
            {
                ["seed"] = Seed,
                ["rules"] = new JsonArray([.. _rules.Select(r => (JsonNode)FaultViews.Rule(r))]),
                ["log"] = new JsonArray([.. _log.Select(e => e.DeepClone())]),
            };
        }
    }

    /// <summary>One rule as the control API shows it, read under the lock.</summary>
    public JsonObject Describe(FaultRule rule)
    {
        lock (_gate)
        {
            return FaultViews.Rule(rule);
        }
    }

    private void LogApi(FaultRule rule, string method, string path, SpecOperation? operation)
    {
        var entry = Entry(rule);
        entry["method"] = method;
        entry["path"] = path;
        entry["operation_id"] = operation?.OperationId;
        if (rule.Action == FaultAction.Error || rule.Action == FaultAction.Drop)
        {
            entry["after_commit"] = rule.AfterCommit;
        }

        Append(entry);
    }

    private void LogWebhook(FaultRule rule, string type, string eventId, string endpointId, long emittedSequence)
    {
        var entry = Entry(rule);
        entry["event_type"] = type;
        entry["emitted_sequence"] = emittedSequence;
        entry["webhook_id"] = eventId;
        entry["endpoint_id"] = endpointId;
        Append(entry);
    }

    private JsonObject Entry(FaultRule rule) => new()
    {
        ["sequence"] = ++_logSequence,
        ["rule_id"] = rule.Id,
        ["target"] = FaultNames.Of(rule.Target),
        ["action"] = FaultNames.Of(rule.Action),
        ["at"] = _state.Now,
    };

    private void Append(JsonObject entry)
    {
        _log.AddLast(entry);
        if (_log.Count > LogLimit)
        {
            _log.RemoveFirst();
        }
    }
}

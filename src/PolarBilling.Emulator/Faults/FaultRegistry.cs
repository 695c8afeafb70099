using System.Text.Json.Nodes;
using PolarBilling.Emulator.Contract;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Faults;

/// <summary>
/// The active fault rules, the seed and the log of every fault injected. Rules are looked at in the order they were
/// added; each decides with its own seeded sequence (<see cref="FaultDice"/>), so a run repeats exactly. Has its own
/// lock and never takes the state's, so the webhook outbox may ask it while holding <see cref="EmulatorState.Gate"/>.
/// </summary>
internal sealed partial class FaultRegistry
{
    private const int LogLimit = 10_000;

    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private readonly LinkedList<JsonObject> _log = [];
    private readonly EmulatorState _state;
    private long _ruleNumber;
    private long _logSequence;
    private int _ruleCount;

    public FaultRegistry(EmulatorState state)
    {
        _state = state;
        Seed = state.Options.FaultSeed;
    }

    /// <summary>Drives every decision; starts as <see cref="PolarEmulatorOptions.FaultSeed"/>.</summary>
    public long Seed { get; private set; }

    /// <summary>Whether any rule exists; read without the lock so requests pay nothing when there is none.</summary>
    public bool HasRules => Volatile.Read(ref _ruleCount) > 0;

    /// <summary>Adds <paramref name="rule"/>, naming it <c>fault_N</c>.</summary>
    public FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            rule.Number = ++_ruleNumber;
            rule.Id = $"fault_{rule.Number}";
            _rules.Add(rule);
            Volatile.Write(ref _ruleCount, _rules.Count);
            return rule;
        }
    }

    /// <summary>Removes one rule; false when there is no such rule.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            var removed = _rules.RemoveAll(r => r.Id == id) > 0;
            Volatile.Write(ref _ruleCount, _rules.Count);
            return removed;
        }
    }

    /// <summary>Removes every rule and the log, numbers rules from <c>fault_1</c> again and restores the configured seed.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _log.Clear();
            _ruleNumber = 0;
            _logSequence = 0;
            Seed = _state.Options.FaultSeed;
            Volatile.Write(ref _ruleCount, 0);
        }
    }

    /// <summary>Sets the seed for every later decision.</summary>
    public void SetSeed(long seed)
    {
        lock (_gate)
        {
            Seed = seed;
        }
    }

    /// <summary>Decides the faults of one API request; <see langword="null"/> when none fires.</summary>
    public ApiFaultPlan? DecideApi(string method, string path, SpecOperation? operation)
    {
        lock (_gate)
        {
            var latency = 0;
            FaultRule? outcome = null;
            foreach (var rule in _rules.Where(r => r.Target == FaultTarget.Api && r.Route!.Matches(operation)))
            {
                if (rule.Action == FaultAction.Latency)
                {
                    if (rule.Roll(Seed))
                    {
                        latency += rule.Milliseconds;
                        LogApi(rule, method, path, operation);
                    }
                }
                else if (outcome is null && rule.Action == FaultAction.RateLimit && rule.BurstLeft > 0)
                {
                    rule.BurstLeft--;
                    outcome = rule;
                    LogApi(rule, method, path, operation);
                }
                else if (outcome is null && rule.Roll(Seed))
                {
                    rule.BurstLeft = rule.Action == FaultAction.RateLimit ? rule.Burst - 1 : 0;
                    outcome = rule;
                    LogApi(rule, method, path, operation);
                }
            }

            return latency == 0 && outcome is null ? null : new ApiFaultPlan(latency, outcome);
        }
    }

    /// <summary>Decides the faults of one event queued for one endpoint; <see langword="null"/> when none fires.</summary>
    public WebhookFaultPlan? DecideWebhook(string type, string eventId, string endpointId, long emittedSequence)
    {
        lock (_gate)
        {
            var plan = new WebhookFaultPlan(false, 0, 0, 0, 0);
            var fired = false;
            foreach (var rule in _rules.Where(r => r.Target == FaultTarget.Webhooks && (r.EventTypes is null || r.EventTypes.Contains(type))))
            {
                if (!rule.Roll(Seed))
                {
                    continue;
                }

                fired = true;
                LogWebhook(rule, type, eventId, endpointId, emittedSequence);
                plan = rule.Action switch
                {
                    FaultAction.Drop => plan with { Drop = true },
                    FaultAction.Duplicate => plan with { Copies = plan.Copies + rule.Copies },
                    FaultAction.Reorder => plan with { ReorderAfter = Math.Max(plan.ReorderAfter, rule.After), MaxHoldMilliseconds = Math.Max(plan.MaxHoldMilliseconds, rule.MaxHoldMilliseconds) },
                    _ => plan with { DelayMilliseconds = plan.DelayMilliseconds + rule.Milliseconds },
                };
                if (plan.Drop)
                {
                    // A dropped event is not sent at all: later rules have nothing left to act on.
                    break;
                }
            }

            return fired ? plan : null;
        }
    }
}

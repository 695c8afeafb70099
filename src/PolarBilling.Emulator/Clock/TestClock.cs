using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Clock;

/// <summary>
/// Moves emulator time and runs what it causes in time order: the clock jumps to the next due moment, everything due
/// then runs (which may schedule more, e.g. a renewal's next period end or a failed charge's retry), and so on until the
/// target. Webhooks are queued as each change happens, so their order is the order of the moments. Call under the
/// state lock.
/// </summary>
internal static class TestClock
{
    /// <summary>Advances to <paramref name="target"/> (an instant not after now just runs what is already due).</summary>
    public static EmulatorClockAdvance AdvanceTo(EmulatorState state, DateTimeOffset target)
    {
        ArgumentNullException.ThrowIfNull(state);
        var from = state.Now;
        var webhooksBefore = state.Webhooks.Emitted.Count;
        var actions = new List<EmulatorClockAction>();
        var done = new HashSet<(string, string, DateTimeOffset)>();
        while (Next(state, done) is { } next && next <= Max(target, state.Now))
        {
            state.Clock.MoveTo(next);
            RunDue(state, done, actions);
        }

        state.Clock.MoveTo(target);
        return new EmulatorClockAdvance(from, state.Now, actions, state.Webhooks.Emitted.Count - webhooksBefore);
    }

    /// <summary>The earliest moment something waits for, with what it is; <see langword="null"/> when nothing waits.</summary>
    public static DueWork? Peek(EmulatorState state) =>
        TimeEffects.All(state).OrderBy(w => w.At).ThenBy(w => w.Order).ThenBy(w => w.ObjectId, StringComparer.Ordinal).FirstOrDefault();

    private static DateTimeOffset? Next(EmulatorState state, HashSet<(string, string, DateTimeOffset)> done)
    {
        DateTimeOffset? earliest = null;
        foreach (var work in TimeEffects.All(state))
        {
            if ((earliest is null || work.At < earliest) && !done.Contains(work.Key))
            {
                earliest = work.At;
            }
        }

        return earliest;
    }

    private static void RunDue(EmulatorState state, HashSet<(string, string, DateTimeOffset)> done, List<EmulatorClockAction> actions)
    {
        var now = state.Now;
        var due = TimeEffects.All(state)
            .Where(w => w.At <= now && !done.Contains(w.Key))
            .OrderBy(w => w.At).ThenBy(w => w.Order).ThenBy(w => w.ObjectId, StringComparer.Ordinal)
            .ToList();
        foreach (var work in due)
        {
            done.Add(work.Key);
            string outcome;
            try
            {
                outcome = work.Run();
            }
            catch (EmulatorProblem problem)
            {
                // Polar's own rules refused it (e.g. a subscription changed by an earlier piece of work this instant).
                outcome = $"error: {problem.Message}";
            }

            actions.Add(new EmulatorClockAction(now, work.Kind, work.ObjectId, outcome));
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

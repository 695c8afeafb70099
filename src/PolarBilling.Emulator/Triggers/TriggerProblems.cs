using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Triggers;

/// <summary>Refusals of triggers where Polar itself has no error for the situation (otherwise Polar's own error is used).</summary>
internal static class TriggerProblems
{
    /// <summary>409 <c>TriggerNotApplicable</c>: the object is not in a state this moment can happen in.</summary>
    public static EmulatorProblem NotApplicable(string eventType, string why) =>
        Problems.Error(409, "TriggerNotApplicable", $"{eventType} cannot happen now: {why}");
}

namespace SaasStarter.Demo;

/// <summary>What the metered demo endpoint answers.</summary>
/// <param name="Message">The example payload.</param>
/// <param name="Meter">The meter this call counted toward.</param>
/// <param name="At">When the call was answered (the app's clock).</param>
internal sealed record MeteredResponse(string Message, string Meter, DateTimeOffset At);

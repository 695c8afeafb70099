namespace SaasStarter.Demo;

/// <summary>What a gated demo endpoint answers.</summary>
/// <param name="Message">The example payload.</param>
/// <param name="Plan">The caller's plan key.</param>
/// <param name="Status">Their subscription's status (<c>trialing</c>, <c>active</c>, …).</param>
/// <param name="Features">Their feature flags.</param>
/// <param name="Agents">Their <c>agents</c> limit.</param>
internal sealed record DemoResponse(string Message, string Plan, string? Status, IReadOnlyList<string> Features, long Agents);

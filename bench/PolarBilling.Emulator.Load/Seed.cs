namespace PolarBilling.Emulator.Load;

/// <summary>What the scenarios read: one product and a few customers.</summary>
internal sealed record Seed(string ProductId, IReadOnlyList<string> CustomerIds);

namespace PolarBilling.Emulator.Webhooks;

/// <summary>How one attempt went.</summary>
/// <param name="Succeeded">2xx within the timeout.</param>
/// <param name="HttpCode">The status, or <see langword="null"/> when there was no HTTP answer.</param>
/// <param name="Response">The answer's body as Polar stores it (NULs removed, 2048 characters at most), or the error text.</param>
internal sealed record WebhookAttemptOutcome(bool Succeeded, int? HttpCode, string? Response);

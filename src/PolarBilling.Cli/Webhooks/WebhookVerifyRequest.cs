namespace PolarBilling.Cli.Webhooks;

/// <summary>The options of one <c>webhooks verify</c> call, before validation.</summary>
internal sealed record WebhookVerifyRequest(
    string Secret,
    string Id,
    string Timestamp,
    string Signature,
    string? BodyFile,
    string? Body,
    string? Now)
{
    /// <summary>Reads the raw body from exactly one of <c>--body-file</c> and <c>--body</c>.</summary>
    /// <returns>A usage error to print, or <see langword="null"/> when <paramref name="payload"/> was read.</returns>
    public string? ReadBody(out byte[] payload)
    {
        payload = [];
        if ((BodyFile is null) == (Body is null))
        {
            return BodyFile is null
                ? "Give the request body with --body-file <file> (exact bytes, preferred) or --body <text>."
                : "Give the request body once: either --body-file or --body, not both.";
        }

        if (Body is not null)
        {
            payload = System.Text.Encoding.UTF8.GetBytes(Body);
            return null;
        }

        try
        {
            payload = File.ReadAllBytes(BodyFile!);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"Cannot read --body-file '{BodyFile}': {ex.Message}";
        }
    }
}

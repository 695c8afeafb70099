using System.CommandLine;
using System.Globalization;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Cli.Webhooks;

/// <summary>
/// <c>polar-billing webhooks verify</c>: checks one captured delivery the way the app's receiver would, both key
/// schemes and the 300 s tolerance included, and says why it fails.
/// </summary>
internal static class WebhooksVerifyCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var secret = new Option<string>("--secret") { Required = true, Description = "The endpoint's webhook secret, as Polar shows it (whsec_...)." };
        var id = new Option<string>("--id") { Required = true, Description = "The webhook-id header." };
        var timestamp = new Option<string>("--timestamp") { Required = true, Description = "The webhook-timestamp header (Unix seconds)." };
        var signature = new Option<string>("--signature") { Required = true, Description = "The webhook-signature header (v1,<base64>; several may be space-separated)." };
        var bodyFile = new Option<string>("--body-file") { Description = "A file holding the raw request body, byte for byte." };
        var body = new Option<string>("--body") { Description = "The raw request body as text (signed as UTF-8)." };
        var now = new Option<string>("--now") { Description = "Check as of this Unix time instead of the current time (for captured deliveries)." };

        var command = new Command("verify", "Verify a webhook delivery's signature and timestamp. Exit 0 valid, 1 invalid, 2 bad usage.")
        {
            secret, id, timestamp, signature, bodyFile, body, now,
        };
        command.SetAction(parsed =>
        {
            var request = new WebhookVerifyRequest(
                parsed.GetValue(secret)!, parsed.GetValue(id)!, parsed.GetValue(timestamp)!, parsed.GetValue(signature)!,
                parsed.GetValue(bodyFile), parsed.GetValue(body), parsed.GetValue(now));
            return Run(request, stdout, stderr);
        });
        return command;
    }

    private static int Run(WebhookVerifyRequest request, TextWriter stdout, TextWriter stderr)
    {
        var bodyError = request.ReadBody(out var payload);
        var nowError = ParseNow(request.Now, out var clock);
        if ((bodyError ?? nowError) is { } usageError)
        {
            stderr.WriteLine(usageError);
            return ExitCodes.Usage;
        }

        var result = new WebhookVerifier(request.Secret, clock).Verify(payload, request.Id, request.Timestamp, request.Signature);
        if (!result.IsValid)
        {
            stderr.WriteLine($"Invalid webhook ({result.Failure}): {result.Message}");
            if (request.Now is null && result.Failure is WebhookVerificationFailure.TimestampTooOld or WebhookVerificationFailure.TimestampTooNew)
            {
                stderr.WriteLine($"To check a captured delivery as of when it was sent, add --now {request.Timestamp}.");
            }

            return ExitCodes.Failure;
        }

        stdout.WriteLine(WebhookEventParser.TryReadType(payload, out var type)
            ? $"Valid webhook: {type}{(WebhookEventParser.IsKnownType(type) ? "" : " (not an event type this version knows)")}"
            : "Valid webhook, but the body is not a Polar event envelope, so its event type is unknown.");
        stdout.WriteLine(result.Message);
        return ExitCodes.Success;
    }

    private static string? ParseNow(string? value, out TimeProvider clock)
    {
        clock = TimeProvider.System;
        if (value is null)
        {
            return null;
        }

        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds)
            || seconds < DateTimeOffset.MinValue.ToUnixTimeSeconds() || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return $"--now must be whole Unix seconds, such as 1760000000; got '{value}'.";
        }

        clock = new FixedTimeProvider(DateTimeOffset.FromUnixTimeSeconds(seconds));
        return null;
    }
}

using System.Text;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Emulator.Tests.Infrastructure;

/// <summary>One delivery a <see cref="WebhookReceiver"/> got.</summary>
/// <param name="Path">The path it was posted to, without slashes, e.g. <c>hooks</c>.</param>
/// <param name="Headers">Every request header, names in lower case.</param>
/// <param name="Body">The raw body bytes.</param>
/// <param name="ReceivedAt">Real time of arrival.</param>
/// <param name="Timestamp">Arrival as a <see cref="TimeProvider.System"/> timestamp, for measuring gaps between attempts.</param>
/// <param name="AnsweredStatus">What the receiver answered (<see cref="WebhookReceiver.Hang"/> when it hung).</param>
/// <param name="Verification">The verifier's verdict with the path's secret, or <see langword="null"/> when none was set.</param>
public sealed record ReceivedWebhook(
    string Path,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body,
    DateTimeOffset ReceivedAt,
    long Timestamp,
    int AnsweredStatus,
    WebhookVerificationResult? Verification)
{
    /// <summary>The <c>webhook-id</c> header.</summary>
    public string Id => Headers[WebhookHeaderNames.Id];

    /// <summary>The body as text.</summary>
    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The body parsed with the client's parser.</summary>
    public PolarWebhookEvent Parse() => WebhookEventParser.Parse(Body);

    /// <summary>The time from <paramref name="earlier"/>'s arrival to this one's.</summary>
    public TimeSpan Since(ReceivedWebhook earlier) => TimeProvider.System.GetElapsedTime(earlier.Timestamp, Timestamp);
}

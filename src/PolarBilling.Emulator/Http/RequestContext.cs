using System.Text.Json;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Contract;

namespace PolarBilling.Emulator.Http;

/// <summary>What the API middleware learned about a request, for handlers: the validated JSON body and the version.</summary>
internal static class RequestContext
{
    private const string BodyKey = "polar.body";
    private const string VersionKey = "polar.version";

    public static void SetBody(HttpContext context, JsonDocument body)
    {
        context.Items[BodyKey] = body;
        context.Response.RegisterForDispose(body);
    }

    /// <summary>The request body, already validated against the operation's schema.</summary>
    /// <exception cref="EmulatorProblem">422 when the operation's body was optional and none was sent.</exception>
    public static JsonElement Body(this HttpContext context) =>
        context.Items.TryGetValue(BodyKey, out var body) && body is JsonDocument document ? document.RootElement
            : throw Problems.Validation(RequestBodyIssues.BodyMissing());

    /// <summary>Whether a JSON body was sent.</summary>
    public static bool HasBody(this HttpContext context) => context.Items.ContainsKey(BodyKey);

    /// <summary>The validated body read as the Polar request model <typeparamref name="T"/>.</summary>
    public static T Body<T>(this HttpContext context) => PolarJson.Deserialize<T>(context.Body().GetRawText());

    public static void SetApiVersion(HttpContext context, string version) => context.Items[VersionKey] = version;

    /// <summary>The <c>Polar-Version</c> the request is served under.</summary>
    public static string ApiVersion(this HttpContext context) => context.Items[VersionKey] as string ?? "2026-04";
}

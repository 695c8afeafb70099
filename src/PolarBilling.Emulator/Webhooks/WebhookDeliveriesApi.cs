using System.Globalization;
using System.Text.Json.Nodes;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>The delivery log (<c>GET /v1/webhooks/deliveries</c>) and redelivery (<c>POST /v1/webhooks/events/{id}/redeliver</c>).</summary>
internal static class WebhookDeliveriesApi
{
    private static readonly string[] CodeClasses = ["2xx", "3xx", "4xx", "5xx"];

    /// <summary>Every attempt, newest first, with Polar's filters (<c>webhook/service.py list_deliveries</c>).</summary>
    public static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var endpointIds = q.Strings("endpoint_id").Select(id => UuidInput.Query(id, "endpoint_id")).ToHashSet(StringComparer.Ordinal);
        var start = q.Date("start_timestamp");
        var end = q.Date("end_timestamp");
        var succeeded = q.Bool("succeeded");
        var search = q.String("query");
        var codeClass = CodeClass(q.String("http_code_class"));
        var types = EventTypes(q.Strings("event_type"));
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            var events = state.Webhooks.Events;
            var matching = state.Webhooks.Deliveries
                .Where(d => events.ContainsKey(d.EventId))
                .Where(d => endpointIds.Count == 0 || endpointIds.Contains(d.EndpointId))
                .Where(d => (start is null || d.CreatedAt > start) && (end is null || d.CreatedAt < end))
                .Where(d => succeeded is null || d.Succeeded == succeeded)
                .Where(d => search is null || Matches(d, search))
                .Where(d => codeClass is null || (d.HttpCode is { } code && code / 100 == codeClass))
                .Where(d => types.Count == 0 || types.Contains(events[d.EventId].Event.Type.Value))
                .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Sequence)
                .ToList();
            var page = matching.Skip((q.Page - 1) * q.Limit).Take(q.Limit).Select(d => WebhookViews.Delivery(d, events[d.EventId]));
            return ApiResults.Page(page, matching.Count, q.Limit);
        }
    }

    /// <summary>202 with FastAPI's <c>null</c> body; the event goes out again with its own id and payload.</summary>
    public static IResult Redeliver(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            state.Webhooks.Redeliver(id);
        }

        return ApiResults.Raw("null"u8.ToArray(), StatusCodes.Status202Accepted);
    }

    /// <summary>Polar's <c>query</c>: a case-insensitive substring of the delivery id, the event id or the HTTP code.</summary>
    private static bool Matches(WebhookDeliveryRecord delivery, string search) =>
        delivery.Id.Contains(search, StringComparison.OrdinalIgnoreCase)
        || delivery.EventId.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (delivery.HttpCode?.ToString(CultureInfo.InvariantCulture).Contains(search, StringComparison.Ordinal) ?? false);

    private static int? CodeClass(string? value) => value switch
    {
        null => null,
        _ when Array.IndexOf(CodeClasses, value) is var index and >= 0 => index + 2,
        _ => throw Problems.Validation([new ValidationIssue("literal_error", ["query", "http_code_class"], "Input should be '2xx', '3xx', '4xx' or '5xx'", JsonValue.Create(value))], UuidInput.FastApiError),
    };

    private static HashSet<string> EventTypes(IReadOnlyList<string> values)
    {
        var known = WebhookEventTypes.All.Where(WebhookViews.InSpec).ToList();
        foreach (var value in values.Where(v => !known.Contains(v)))
        {
            var expected = string.Join(", ", known.SkipLast(1).Select(t => $"'{t}'")) + $" or '{known[^1]}'";
            throw Problems.Validation([new ValidationIssue("enum", ["query", "event_type"], $"Input should be {expected}", JsonValue.Create(value))], UuidInput.FastApiError);
        }

        return [.. values];
    }
}

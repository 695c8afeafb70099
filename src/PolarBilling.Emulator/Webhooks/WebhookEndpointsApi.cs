using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>Polar's webhook endpoint management: <c>/v1/webhooks/endpoints</c>, secrets, the delivery log and redelivery.</summary>
internal static class WebhookEndpointsApi
{
    public static IEndpointRouteBuilder MapWebhookEndpointsApi(this IEndpointRouteBuilder v1)
    {
        v1.MapGet("/webhooks/endpoints", List).WithPolarOperation("webhooks:list_webhook_endpoints");
        v1.MapPost("/webhooks/endpoints", Create).WithPolarOperation("webhooks:create_webhook_endpoint");
        v1.MapGet("/webhooks/endpoints/{id}", Get).WithPolarOperation("webhooks:get_webhook_endpoint");
        v1.MapPatch("/webhooks/endpoints/{id}", Update).WithPolarOperation("webhooks:update_webhook_endpoint");
        v1.MapDelete("/webhooks/endpoints/{id}", Delete).WithPolarOperation("webhooks:delete_webhook_endpoint");
        v1.MapPatch("/webhooks/endpoints/{id}/secret", ResetSecret).WithPolarOperation("webhooks:reset_webhook_endpoint_secret");
        v1.MapGet("/webhooks/deliveries", WebhookDeliveriesApi.List).WithPolarOperation("webhooks:list_webhook_deliveries");
        v1.MapPost("/webhooks/events/{id}/redeliver", WebhookDeliveriesApi.Redeliver).WithPolarOperation("webhooks:redeliver_webhook_event");
        return v1;
    }

    /// <summary>Newest first, as Polar orders them (<c>created_at desc</c>); no sorting parameter.</summary>
    private static IResult List(HttpContext context, EmulatorState state)
    {
        var q = ListQuery.From(context);
        var organizations = q.Strings("organization_id").Select(id => UuidInput.Query(id, "organization_id")).ToList();
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            var matching = state.Webhooks.Endpoints.Values
                .Where(e => organizations.Count == 0 || organizations.Contains(e.Endpoint.OrganizationId))
                .OrderByDescending(e => e.Endpoint.CreatedAt).ThenByDescending(e => e.Sequence)
                .ToList();
            var page = matching.Skip((q.Page - 1) * q.Limit).Take(q.Limit).Select(e => WebhookViews.Endpoint(e));
            return ApiResults.Page(page, matching.Count, q.Limit);
        }
    }

    private static IResult Create(HttpContext context, EmulatorState state)
    {
        var body = context.Body<WebhookEndpointCreate>();
        if (body.OrganizationId is { } organizationId)
        {
            // Polar's get_payload_organization: an organization token already names the organization.
            throw Problems.Validation(
                [new ValidationIssue("organization_token", ["body", "organization_id"], "Setting organization_id is disallowed when using an organization token.", JsonValue.Create(organizationId))],
                "RequestValidationError");
        }

        var url = WebhookUrl.Check(body.Url);
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            var entry = state.Webhooks.CreateEndpoint(url, body.Name, body.Format, body.Events, state.Options.WebhookKeyScheme);
            return ApiResults.Created(WebhookViews.Endpoint(entry));
        }
    }

    private static IResult Get(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            return ApiResults.Json(WebhookViews.Endpoint(state.Webhooks.GetEndpoint(id)));
        }
    }

    /// <summary>Fields left out or <c>null</c> stay as they are (Polar: <c>exclude_unset, exclude_none</c>).</summary>
    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        var body = context.Body<WebhookEndpointUpdate>();
        var url = body.Url is null ? null : WebhookUrl.Check(body.Url);
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            var entry = state.Webhooks.GetEndpoint(id);
            var endpoint = entry.Endpoint;
            var changed = (url is not null && url != endpoint.Url)
                || (body.Name is not null && body.Name != endpoint.Name)
                || (body.Format is { } format && format != endpoint.Format)
                || (body.Events is { } events && !events.SequenceEqual(endpoint.Events))
                || (body.Enabled is { } enabled && enabled != endpoint.Enabled);
            endpoint.Url = url ?? endpoint.Url;
            endpoint.Name = body.Name ?? endpoint.Name;
            endpoint.Format = body.Format ?? endpoint.Format;
            endpoint.Events = body.Events ?? endpoint.Events;
            endpoint.Enabled = body.Enabled ?? endpoint.Enabled;
            if (changed)
            {
                endpoint.ModifiedAt = state.Now;
            }

            return ApiResults.Json(WebhookViews.Endpoint(entry));
        }
    }

    private static IResult Delete(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            state.Webhooks.DeleteEndpoint(state.Webhooks.GetEndpoint(id));
        }

        return ApiResults.NoContent();
    }

    /// <summary>A new secret, of the emulator's key scheme for new secrets; the old one stops working at once.</summary>
    private static IResult ResetSecret(EmulatorState state, string id)
    {
        id = UuidInput.Path(id);
        lock (state.Gate)
        lock (state.Webhooks.Sync)
        {
            var entry = state.Webhooks.GetEndpoint(id);
            state.Webhooks.ResetSecret(entry, state.Options.WebhookKeyScheme);
            return ApiResults.Json(WebhookViews.Endpoint(entry));
        }
    }
}

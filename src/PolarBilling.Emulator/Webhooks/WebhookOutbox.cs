using System.Diagnostics.CodeAnalysis;
using System.Text;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Where every change the emulator makes announces itself, and Polar's webhook delivery behind it. <see cref="Emit"/>
/// records the event exactly as Polar builds it (compact JSON envelope, data as of that moment) and, as Polar's
/// <c>webhook_service.send</c> does, queues one <c>WebhookEvent</c> per enabled endpoint subscribed to the type.
/// <see cref="WebhookDispatcher"/> delivers them. Changes call it under <see cref="EmulatorState.Gate"/>; delivery state
/// has its own lock, <see cref="Sync"/>, taken inside the state lock (never the other way round), so the dispatcher
/// sends and records attempts while a long clock advance still holds the state lock.
/// </summary>
[SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "The one live CancellationTokenSource has no timer; each is disposed when a reset replaces it, the last lives as long as the state.")]
internal sealed partial class WebhookOutbox : IEmulatorStore
{
    private readonly EmulatorState _state;
    private readonly Lock _sync = new();
    private readonly Dictionary<string, WebhookEndpointEntry> _endpoints = new(StringComparer.Ordinal);

    // The endpoints in creation order, as every emit walks them; rebuilt after one is added or removed.
    private WebhookEndpointEntry[]? _endpointOrder;
    private readonly Dictionary<string, OutboundWebhookEvent> _events = new(StringComparer.Ordinal);
    private readonly List<WebhookDeliveryRecord> _deliveries = [];
    private long _endpointSequence;
    private long _eventSequence;
    private long _deliverySequence;

    public WebhookOutbox(EmulatorState state) => _state = state;

    public string Name => "webhooks";

    /// <summary>The delivery lock: held by every member; readers of <see cref="Events"/>, <see cref="Deliveries"/> and endpoint fields take it too.</summary>
    public Lock Sync => _sync;

    /// <summary>Every event emitted since the last reset, oldest first.</summary>
    public List<EmittedWebhook> Emitted { get; } = [];

    /// <summary>Every webhook endpoint by id.</summary>
    public IReadOnlyDictionary<string, WebhookEndpointEntry> Endpoints => _endpoints;

    /// <summary>Every per-endpoint webhook event by id (the <c>webhook-id</c>).</summary>
    public IReadOnlyDictionary<string, OutboundWebhookEvent> Events => _events;

    /// <summary>Every delivery attempt, oldest first.</summary>
    public IReadOnlyList<WebhookDeliveryRecord> Deliveries => _deliveries;

    /// <summary>Real time, for signing and retry delays: the billing clock may stand still or jump in tests.</summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    /// <summary>Set whenever delivery work may have become due.</summary>
    public WebhookWakeSignal Wake { get; } = new();

    /// <summary>Records <paramref name="webhookEvent"/> and queues it for every endpoint that wants it; call at the moment Polar would send it.</summary>
    public EmittedWebhook Emit(PolarWebhookEvent webhookEvent)
    {
        lock (_sync)
        {
            ArgumentNullException.ThrowIfNull(webhookEvent);
            var emitted = new EmittedWebhook(Emitted.Count + 1, webhookEvent.Type, webhookEvent.Timestamp, webhookEvent.RawJsonUtf8);
            Emitted.Add(emitted);
            if (_endpoints.Count == 0)
            {
                return emitted;
            }

            foreach (var entry in _endpointOrder ??= [.. _endpoints.Values.OrderBy(e => e.Sequence)])
            {
                if (!entry.Receives(webhookEvent.Type))
                {
                    continue;
                }

                var payload = entry.Endpoint.Format == WebhookFormat.Raw
                    ? webhookEvent.RawJsonUtf8
                    : Encoding.UTF8.GetBytes(WebhookChatPayload.For(entry.Endpoint.Format, webhookEvent, _state.Organization.Name, _state.BaseUrl));
                Queue(entry, webhookEvent.Type, webhookEvent.Timestamp, payload);
            }

            return emitted;
        }
    }

    /// <summary>Creates an enabled raw endpoint with a new <c>whsec_</c> secret, as Polar does on <c>POST /v1/webhooks/endpoints</c>.</summary>
    public EmulatorWebhookEndpoint AddEndpoint(string url, WebhookKeyScheme keyScheme, IEnumerable<string> events)
    {
        var entry = CreateEndpoint(url, null, WebhookFormat.Raw, [.. events.Select(e => new WebhookEventType(e))], keyScheme);
        return new EmulatorWebhookEndpoint(entry.Id, entry.Endpoint.Url, entry.Endpoint.Secret, keyScheme);
    }

    /// <summary>Creates an enabled endpoint; the secret is generated here, never taken from the caller (Polar deprecated that).</summary>
    public WebhookEndpointEntry CreateEndpoint(string url, string? name, WebhookFormat format, List<WebhookEventType> events, WebhookKeyScheme keyScheme)
    {
        lock (_sync)
        {
            var endpoint = new WebhookEndpoint
            {
                Id = PolarTokens.NewId(),
                CreatedAt = _state.Now,
                Url = url,
                Name = name,
                Format = format,
                Secret = WebhookSigner.GenerateSecret(),
                OrganizationId = _state.Organization.Id,
                Events = events,
                Enabled = true,
            };
            var entry = new WebhookEndpointEntry(endpoint, keyScheme, ++_endpointSequence);
            _endpoints[endpoint.Id] = entry;
            _endpointOrder = null;
            return entry;
        }
    }

    /// <summary>The endpoint, or Polar's 404.</summary>
    /// <exception cref="EmulatorProblem">404 <c>ResourceNotFound</c>.</exception>
    public WebhookEndpointEntry GetEndpoint(string id) => _endpoints.TryGetValue(id, out var entry) ? entry : throw Problems.NotFound();

    /// <summary>Replaces the secret; the next attempt of every pending event is signed with the new one.</summary>
    public void ResetSecret(WebhookEndpointEntry entry, WebhookKeyScheme keyScheme)
    {
        lock (_sync)
        {
            entry.Endpoint.Secret = WebhookSigner.GenerateSecret();
            entry.Endpoint.ModifiedAt = _state.Now;
            entry.KeyScheme = keyScheme;
        }
    }

    /// <summary>
    /// Deletes the endpoint and stops its pending deliveries. Approximation: Polar soft-deletes and keeps the rows;
    /// here its events and delivery log go too, since nothing in the API can reach them usefully afterwards.
    /// </summary>
    public void DeleteEndpoint(WebhookEndpointEntry entry)
    {
        lock (_sync)
        {
            _endpoints.Remove(entry.Id);
            _endpointOrder = null;
            foreach (var outbound in _events.Values.Where(e => e.EndpointId == entry.Id).ToList())
            {
                _events.Remove(outbound.Event.Id);
                _pending.Remove(outbound.Sequence);
            }

            _deliveries.RemoveAll(d => d.EndpointId == entry.Id);
        }
    }

    private void Queue(WebhookEndpointEntry entry, string type, DateTimeOffset createdAt, ReadOnlyMemory<byte> payload)
    {
        // Polar: WebhookEvent(created_at=payload.timestamp, ...), then webhook_event.send is enqueued at once.
        var model = new WebhookEvent
        {
            Id = PolarTokens.NewId(),
            CreatedAt = createdAt,
            Type = new WebhookEventType(type),
            Skipped = false,
            IsArchived = false,
        };
        var now = WallClock.GetUtcNow();
        var heldBehind = HeldBehindLast(entry.Id, createdAt, now);
        var outbound = new OutboundWebhookEvent(model, payload, entry.Id, ++_eventSequence) { QueuedAt = now, NextAttemptAt = now };
        _events[model.Id] = outbound;
        _pending.Add(outbound);
        ApplyFaults(outbound, entry.Id, type);
        if (!heldBehind)
        {
            Wake.Set();
        }
    }

    /// <summary>
    /// Whether the FIFO guard is sure to hold an event created at <paramref name="createdAt"/> behind the last one of
    /// the endpoint's lane. Then waking the delivery loop would find nothing to send: the event goes out when that one's
    /// attempt is recorded (which takes the due work in the same lock), and a hold that expires is on the loop's timer.
    /// A clock advance queues events by the thousand, and each wake was a thread-pool hop and a scan of the lanes.
    /// </summary>
    private bool HeldBehindLast(string endpointId, DateTimeOffset createdAt, DateTimeOffset now) =>
        _pending.Lanes.TryGetValue(endpointId, out var lane)
        && lane.Count > 0
        && lane[lane.Count - 1] is { Queued: true } last
        && HoldsLater(last, now)
        && createdAt <= last.Event.CreatedAt + FifoGuardMaxAge;
}

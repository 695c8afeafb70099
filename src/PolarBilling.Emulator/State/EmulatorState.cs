using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.Clock;
using PolarBilling.Emulator.CustomerSeats;
using PolarBilling.Emulator.Subscriptions;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.State;

/// <summary>
/// Everything the emulator remembers, behind one lock. Every request handler takes <see cref="Gate"/> for its whole
/// read-modify-answer step, so the emulator behaves as one consistent Polar and webhooks are emitted in the order
/// the changes happened. A handful of microseconds per request; thousands of requests per second.
/// </summary>
internal sealed partial class EmulatorState
{
    public EmulatorState(PolarEmulatorOptions options)
    {
        Options = options;
        WallClock = options.TimeProvider ?? TimeProvider.System;
        Clock = options.TimeProvider is { } baseClock ? new EmulatorClock(baseClock)
            : options.ClockMode == EmulatorClockMode.Running ? new EmulatorClock(TimeProvider.System)
            : EmulatorClock.StoppedAt(options.ClockStart ?? TimeProvider.System.GetUtcNow());
        Organization = new EmulatorOrganization(PolarTokens.NewId(), options.OrganizationName, options.OrganizationSlug, Now);
        AccessToken = options.AccessToken ?? PolarTokens.Generate(PolarTokens.OrganizationAccessToken);
        Tokens.Add(AccessToken, AccessTokens.AllScopes);
        Webhooks = new WebhookOutbox(this);
        OrganizationProfile = new(this);
        Stores = [OrganizationProfile, Products, Benefits, Discounts, Customers, CustomerSessions, Checkouts, Subscriptions, Orders, Refunds, BenefitGrants, Meters, Events, Members, CustomerMeters, CustomerSeats, Webhooks];
    }

    /// <summary>Taken for every read and change of the state.</summary>
    public Lock Gate { get; } = new();

    public PolarEmulatorOptions Options { get; }

    /// <summary>Emulator time: what <see cref="Now"/> reads and the test clock moves.</summary>
    public EmulatorClock Clock { get; }

    /// <summary>
    /// The clock of things that happen in real time whatever the test clock says (the rate limit's windows): the
    /// <see cref="PolarEmulatorOptions.TimeProvider"/> a test gave, else the system clock.
    /// </summary>
    public TimeProvider WallClock { get; }

    /// <summary>The current emulator time, to the microsecond as Polar stores it.</summary>
    public DateTimeOffset Now
    {
        get
        {
            var now = Clock.GetUtcNow();
            return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
        }
    }

    public EmulatorOrganization Organization { get; }

    /// <summary>
    /// Where the emulator is reached, e.g. <c>http://127.0.0.1:7300/</c>. It also plays Polar's front end: hosted
    /// checkout URLs are <c>{BaseUrl}checkout/{client_secret}</c> and portal URLs <c>{BaseUrl}{org slug}/portal?...</c>.
    /// </summary>
    public Uri BaseUrl { get; set; } = new("http://127.0.0.1/");

    /// <summary>The organization access token every <c>/v1/</c> call must bear.</summary>
    public string AccessToken { get; }

    /// <summary>Every accepted token (<see cref="AccessToken"/> and any minted through the control API) and its scopes.</summary>
    public AccessTokens Tokens { get; } = new();

    public global::PolarBilling.Emulator.Products.ProductStore Products { get; } = new();

    public EntityStore<Benefit> Benefits { get; } = new("benefits", b => b.Id);

    public global::PolarBilling.Emulator.Discounts.DiscountStore Discounts { get; } = new();

    /// <summary>The organization as Polar's <c>Organization</c> object (settings, socials, …), mirrored with <see cref="Organization"/>.</summary>
    public global::PolarBilling.Emulator.Organizations.OrganizationProfile OrganizationProfile { get; }

    public EntityStore<Customer> Customers { get; } = new("customers", c => c.Id);

    public EntityStore<CustomerSession> CustomerSessions { get; } = new("customer_sessions", s => s.Id);

    public global::PolarBilling.Emulator.Checkouts.CheckoutStore Checkouts { get; } = new();

    public SubscriptionStore Subscriptions { get; } = new();

    public EntityStore<Order> Orders { get; } = new("orders", o => o.Id);

    public EntityStore<Refund> Refunds { get; } = new("refunds", r => r.Id);

    public EntityStore<BenefitGrant> BenefitGrants { get; } = new("benefit_grants", g => g.Id, g => g.CustomerId);

    public SeatStore CustomerSeats { get; } = new();

    public EntityStore<Meter> Meters { get; } = new("meters", m => m.Id);

    public global::PolarBilling.Emulator.Events.EventStore Events { get; } = new();

    /// <summary>Members of customers (team members and owners).</summary>
    public global::PolarBilling.Emulator.Customers.MemberStore Members { get; } = new();

    /// <summary>Customer meters: one per customer and meter with activity.</summary>
    public global::PolarBilling.Emulator.CustomerMeters.CustomerMeterStore CustomerMeters { get; } = new();

    /// <summary>Emitted webhook events, endpoints and deliveries.</summary>
    public WebhookOutbox Webhooks { get; }

    /// <summary>
    /// The highest invoice and receipt number given out per prefix (see <c>Orders/OrderNumbers</c>): derived from the
    /// stored orders on first use, then counted on, so numbering stays O(1) as orders pile up. Forgotten on reset and import.
    /// </summary>
    public Dictionary<string, int> OrderNumberSequences { get; } = new(StringComparer.Ordinal);

    /// <summary>Every store, in the order an export writes them.</summary>
    public IReadOnlyList<IEmulatorStore> Stores { get; }

    /// <summary>Forgets every object, event and delivery; the organization and token stay.</summary>
    public void Reset()
    {
        foreach (var store in Stores)
        {
            store.Clear();
        }

        OrderNumberSequences.Clear();
    }

    /// <summary>The whole state as one JSON document (see <see cref="Import"/>).</summary>
    public byte[] Export()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format", 1);
            writer.WriteString("organization_id", Organization.Id);
            writer.WriteString("exported_at", Now);
            writer.WriteStartObject("stores");
            foreach (var store in Stores)
            {
                writer.WritePropertyName(store.Name);
                store.Export(writer);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Replaces the state with an exported document; stores it does not mention are emptied.</summary>
    /// <exception cref="JsonException">The document is not an export of this emulator; the state is unchanged.</exception>
    public void Import(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.Number || format.GetInt32() != 1)
        {
            throw new JsonException("Not an emulator state export: expected an object with \"format\": 1 and \"stores\".");
        }

        if (!document.TryGetProperty("stores", out var stores) || stores.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The export has no \"stores\" object.");
        }

        var before = Export();
        OrderNumberSequences.Clear();
        try
        {
            foreach (var store in Stores)
            {
                if (stores.TryGetProperty(store.Name, out var value))
                {
                    store.Import(value);
                }
                else
                {
                    store.Clear();
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            // Never leave half an import behind: put back what was there.
            using var previous = JsonDocument.Parse(before);
            foreach (var store in Stores)
            {
                store.Import(previous.RootElement.GetProperty("stores").GetProperty(store.Name));
            }

            throw new JsonException($"The export could not be imported: {ex.Message}", ex);
        }
    }
}

using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>
/// The Polar API: one service per resource (<see cref="Products"/>, <see cref="Checkouts"/>, <see cref="Subscriptions"/>, ...).
/// Thread-safe; create one per app (or register it with <c>AddPolarClient</c>) and reuse it.
/// </summary>
public sealed class PolarClient : IDisposable
{
    private readonly PolarTransport _transport;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <param name="options">Token, server and retry settings. Read once, here.</param>
    /// <param name="timeProvider">The clock for retry waits and deadlines; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message says what to set.</exception>
    public PolarClient(PolarClientOptions options, TimeProvider? timeProvider = null)
        : this(CreateOwnedHttpClient(), options, timeProvider, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client that sends through <paramref name="httpClient"/>, which the caller owns.</summary>
    /// <param name="httpClient">The client to send with. Its <c>BaseAddress</c> and <c>Timeout</c> are not used.</param>
    /// <param name="options">Token, server and retry settings. Read once, here.</param>
    /// <param name="timeProvider">The clock for retry waits and deadlines; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message says what to set.</exception>
    public PolarClient(HttpClient httpClient, PolarClientOptions options, TimeProvider? timeProvider = null)
        : this(httpClient, options, timeProvider, ownsHttpClient: false)
    {
    }

    internal PolarClient(Func<HttpClient> httpClientFactory, PolarClientOptions options, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClientFactory);
        _transport = new PolarTransport(httpClientFactory, Validated(options), timeProvider ?? TimeProvider.System);
        Products = new ProductsService(_transport);
        Checkouts = new CheckoutsService(_transport);
        CustomerSessions = new CustomerSessionsService(_transport);
        Customers = new CustomersService(_transport);
        Subscriptions = new SubscriptionsService(_transport);
        Orders = new OrdersService(_transport);
        Refunds = new RefundsService(_transport);
        Discounts = new DiscountsService(_transport);
        Meters = new MetersService(_transport);
        Events = new EventsService(_transport);
        CustomerMeters = new CustomerMetersService(_transport);
        Benefits = new BenefitsService(_transport);
        BenefitGrants = new BenefitGrantsService(_transport);
        Webhooks = new WebhookEndpointsService(_transport);
    }

    private PolarClient(HttpClient httpClient, PolarClientOptions options, TimeProvider? timeProvider, bool ownsHttpClient)
        : this(() => httpClient, options, timeProvider)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        _ownedHttpClient = ownsHttpClient ? httpClient : null;
    }

    /// <summary>The API base address calls go to, e.g. <c>https://api.polar.sh/</c>.</summary>
    public Uri BaseAddress => _transport.BaseAddress;

    /// <summary>Products and their prices: <c>/v1/products/</c>.</summary>
    public ProductsService Products { get; }

    /// <summary>Checkout sessions, including the unauthenticated client calls: <c>/v1/checkouts/</c>.</summary>
    public CheckoutsService Checkouts { get; }

    /// <summary>Customer portal sessions: <c>/v1/customer-sessions/</c>.</summary>
    public CustomerSessionsService CustomerSessions { get; }

    /// <summary>Customers by Polar id or by your external id, and their state: <c>/v1/customers/</c>.</summary>
    public CustomersService Customers { get; }

    /// <summary>Subscriptions: create (free products), every update, cancel and revoke: <c>/v1/subscriptions/</c>.</summary>
    public SubscriptionsService Subscriptions { get; }

    /// <summary>Orders (payment history), invoices and receipts: <c>/v1/orders/</c>.</summary>
    public OrdersService Orders { get; }

    /// <summary>Refunds of orders: <c>/v1/refunds/</c>.</summary>
    public RefundsService Refunds { get; }

    /// <summary>Discounts and discount codes: <c>/v1/discounts/</c>.</summary>
    public DiscountsService Discounts { get; }

    /// <summary>Usage meters and their quantities: <c>/v1/meters/</c>.</summary>
    public MetersService Meters { get; }

    /// <summary>Usage events: ingest and list: <c>/v1/events/</c>.</summary>
    public EventsService Events { get; }

    /// <summary>Per-customer meter balances: <c>/v1/customer-meters/</c>.</summary>
    public CustomerMetersService CustomerMeters { get; }

    /// <summary>Benefits granted with products: <c>/v1/benefits/</c>.</summary>
    public BenefitsService Benefits { get; }

    /// <summary>Benefit grants across customers: <c>/v1/benefit-grants/</c>.</summary>
    public BenefitGrantsService BenefitGrants { get; }

    /// <summary>Webhook endpoints, secrets, deliveries and redelivery: <c>/v1/webhooks/</c>.</summary>
    public WebhookEndpointsService Webhooks { get; }

    /// <summary>Releases the connection pool when this client created it.</summary>
    public void Dispose() => _ownedHttpClient?.Dispose();

    private static PolarClientOptions Validated(PolarClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The token may come per call (PolarRequestOptions), and checkout client calls need none.
        var problems = options.Validate(requireAccessToken: false);
        return problems.Count == 0 ? options : throw new ArgumentException(string.Join(" ", problems), nameof(options));
    }

    private static HttpClient CreateOwnedHttpClient() => new(new SocketsHttpHandler
    {
        // Recycle connections so DNS changes on Polar's side are picked up.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };
}

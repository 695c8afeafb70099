using System.Collections.Frozen;
using System.Text.Json;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Client.Webhooks;

/// <summary>Maps each known event type to the code that builds its typed event from <c>data</c>.</summary>
internal static class WebhookEventRegistry
{
    private static readonly FrozenDictionary<string, Func<WebhookEnvelope, JsonElement, PolarWebhookEvent>> Factories =
        new Dictionary<string, Func<WebhookEnvelope, JsonElement, PolarWebhookEvent>>(StringComparer.Ordinal)
    {
        [WebhookEventTypes.CheckoutCreated] = static (e, d) => new CheckoutCreatedWebhookEvent(Data<Checkout>(e, d), e),
        [WebhookEventTypes.CheckoutUpdated] = static (e, d) => new CheckoutUpdatedWebhookEvent(Data<Checkout>(e, d), e),
        [WebhookEventTypes.CheckoutExpired] = static (e, d) => new CheckoutExpiredWebhookEvent(Data<Checkout>(e, d), e),
        [WebhookEventTypes.CustomerCreated] = static (e, d) => new CustomerCreatedWebhookEvent(Data<Customer>(e, d), e),
        [WebhookEventTypes.CustomerUpdated] = static (e, d) => new CustomerUpdatedWebhookEvent(Data<Customer>(e, d), e),
        [WebhookEventTypes.CustomerDeleted] = static (e, d) => new CustomerDeletedWebhookEvent(Data<Customer>(e, d), e),
        [WebhookEventTypes.CustomerStateChanged] = static (e, d) => new CustomerStateChangedWebhookEvent(Data<CustomerState>(e, d), e),
        [WebhookEventTypes.CustomerSeatAssigned] = static (e, d) => new CustomerSeatAssignedWebhookEvent(Data<CustomerSeat>(e, d), e),
        [WebhookEventTypes.CustomerSeatClaimed] = static (e, d) => new CustomerSeatClaimedWebhookEvent(Data<CustomerSeat>(e, d), e),
        [WebhookEventTypes.CustomerSeatRevoked] = static (e, d) => new CustomerSeatRevokedWebhookEvent(Data<CustomerSeat>(e, d), e),
        [WebhookEventTypes.MemberCreated] = static (e, d) => new MemberCreatedWebhookEvent(Data<Member>(e, d), e),
        [WebhookEventTypes.MemberUpdated] = static (e, d) => new MemberUpdatedWebhookEvent(Data<Member>(e, d), e),
        [WebhookEventTypes.MemberDeleted] = static (e, d) => new MemberDeletedWebhookEvent(Data<Member>(e, d), e),
        [WebhookEventTypes.OrderCreated] = static (e, d) => new OrderCreatedWebhookEvent(Data<Order>(e, d), e),
        [WebhookEventTypes.OrderUpdated] = static (e, d) => new OrderUpdatedWebhookEvent(Data<Order>(e, d), e),
        [WebhookEventTypes.OrderPaid] = static (e, d) => new OrderPaidWebhookEvent(Data<Order>(e, d), e),
        [WebhookEventTypes.OrderRefunded] = static (e, d) => new OrderRefundedWebhookEvent(Data<Order>(e, d), e),
        [WebhookEventTypes.SubscriptionCreated] = static (e, d) => new SubscriptionCreatedWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionUpdated] = static (e, d) => new SubscriptionUpdatedWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionActive] = static (e, d) => new SubscriptionActiveWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionCanceled] = static (e, d) => new SubscriptionCanceledWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionUncanceled] = static (e, d) => new SubscriptionUncanceledWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionCycled] = static (e, d) => new SubscriptionCycledWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionRevoked] = static (e, d) => new SubscriptionRevokedWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionPastDue] = static (e, d) => new SubscriptionPastDueWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionPaused] = static (e, d) => new SubscriptionPausedWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionResumed] = static (e, d) => new SubscriptionResumedWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.SubscriptionMigrated] = static (e, d) => new SubscriptionMigratedWebhookEvent(Data<Subscription>(e, d), e),
        [WebhookEventTypes.RefundCreated] = static (e, d) => new RefundCreatedWebhookEvent(Data<Refund>(e, d), e),
        [WebhookEventTypes.RefundUpdated] = static (e, d) => new RefundUpdatedWebhookEvent(Data<Refund>(e, d), e),
        [WebhookEventTypes.ProductCreated] = static (e, d) => new ProductCreatedWebhookEvent(Data<Product>(e, d), e),
        [WebhookEventTypes.ProductUpdated] = static (e, d) => new ProductUpdatedWebhookEvent(Data<Product>(e, d), e),
        [WebhookEventTypes.DiscountCreated] = static (e, d) => new DiscountCreatedWebhookEvent(Data<Discount>(e, d), e),
        [WebhookEventTypes.DiscountUpdated] = static (e, d) => new DiscountUpdatedWebhookEvent(Data<Discount>(e, d), e),
        [WebhookEventTypes.DiscountDeleted] = static (e, d) => new DiscountDeletedWebhookEvent(Data<Discount>(e, d), e),
        [WebhookEventTypes.OrganizationUpdated] = static (e, d) => new OrganizationUpdatedWebhookEvent(Data<Organization>(e, d), e),
        [WebhookEventTypes.BenefitCreated] = static (e, d) => new BenefitCreatedWebhookEvent(Data<Benefit>(e, d), e),
        [WebhookEventTypes.BenefitUpdated] = static (e, d) => new BenefitUpdatedWebhookEvent(Data<Benefit>(e, d), e),
        [WebhookEventTypes.BenefitGrantCreated] = static (e, d) => new BenefitGrantCreatedWebhookEvent(Data<BenefitGrantWebhook>(e, d), e),
        [WebhookEventTypes.BenefitGrantUpdated] = static (e, d) => new BenefitGrantUpdatedWebhookEvent(Data<BenefitGrantWebhook>(e, d), e),
        [WebhookEventTypes.BenefitGrantCycled] = static (e, d) => new BenefitGrantCycledWebhookEvent(Data<BenefitGrantWebhook>(e, d), e),
        [WebhookEventTypes.BenefitGrantRevoked] = static (e, d) => new BenefitGrantRevokedWebhookEvent(Data<BenefitGrantWebhook>(e, d), e),    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="type"/> is one of <see cref="WebhookEventTypes.All"/>.</summary>
    public static bool IsKnown(string type) => Factories.ContainsKey(type);

    /// <summary>Builds the typed event, or <see cref="UnknownWebhookEvent"/> for a type not in the table.</summary>
    /// <exception cref="WebhookParseException"><paramref name="data"/> does not fit the type's model.</exception>
    public static PolarWebhookEvent Create(WebhookEnvelope envelope, JsonElement data) =>
        Factories.TryGetValue(envelope.Type, out var factory) ? factory(envelope, data) : new UnknownWebhookEvent(data.Clone(), envelope);

    private static TData Data<TData>(WebhookEnvelope envelope, JsonElement data)
        where TData : class
    {
        var model = typeof(TData).Name;
        if (data.ValueKind != JsonValueKind.Object)
        {
            throw new WebhookParseException(
                $"The \"data\" of this {envelope.Type} event is {Describe(data.ValueKind)}; expected a JSON object ({model}).", envelope.Type);
        }

        try
        {
            return data.Deserialize(PolarJson.TypeInfo<TData>())
                ?? throw new WebhookParseException($"The \"data\" of this {envelope.Type} event is null.", envelope.Type);
        }
        catch (JsonException ex)
        {
            // The serializer's path and position are relative to data: restate them from the envelope's root.
            var path = ex.Path is { Length: > 1 } inner ? " at $.data" + inner[1..] : string.Empty;
            var reason = ex.Message.Split(" Path: ")[0];
            throw new WebhookParseException(
                $"The \"data\" of this {envelope.Type} event is not a valid {model}{path}: {reason}", envelope.Type, ex);
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };
}

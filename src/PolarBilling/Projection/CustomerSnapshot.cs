using PolarBilling.Client;

namespace PolarBilling.Projection;

/// <summary>The customer fields the store keeps, from any of Polar's customer shapes.</summary>
internal sealed record CustomerSnapshot(
    string Id, string? ExternalId, string? Email, string? Name, DateTimeOffset? DeletedAt, DateTimeOffset CreatedAt, DateTimeOffset? ModifiedAt)
{
    public static CustomerSnapshot From(Customer c) => new(c.Id, c.ExternalId, EmailOf(c), c.Name, c.DeletedAt, c.CreatedAt, c.ModifiedAt);

    public static CustomerSnapshot From(SubscriptionCustomer c) => new(c.Id, c.ExternalId, c.Email, c.Name, c.DeletedAt, c.CreatedAt, c.ModifiedAt);

    public static CustomerSnapshot From(OrderCustomer c) => new(c.Id, c.ExternalId, c.Email, c.Name, c.DeletedAt, c.CreatedAt, c.ModifiedAt);

    public static CustomerSnapshot From(CustomerState c) =>
        new(c.Id, c.ExternalId, c switch { CustomerStateIndividual i => i.Email, CustomerStateTeam t => t.Email, _ => null }, c.Name, c.DeletedAt, c.CreatedAt, c.ModifiedAt);

    private static string? EmailOf(Customer c) => c switch
    {
        CustomerIndividual i => i.Email,
        CustomerTeam t => t.Email,
        _ => null,
    };
}

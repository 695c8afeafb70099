namespace PolarBilling.Emulator.Load;

/// <summary>One kind of request driven against the emulator; <see cref="Path"/> picks the path of request number n.</summary>
internal sealed record Scenario(string Name, Func<long, string> Path)
{
    public static IEnumerable<Scenario> All(Seed seed) =>
    [
        new("GET /v1/products/{id}", _ => $"/v1/products/{seed.ProductId}"),
        new("GET /v1/customers/?limit=10", _ => "/v1/customers/?limit=10"),
        new("GET /v1/customers/{id}", n => $"/v1/customers/{seed.CustomerIds[(int)(n % seed.CustomerIds.Count)]}"),
    ];
}

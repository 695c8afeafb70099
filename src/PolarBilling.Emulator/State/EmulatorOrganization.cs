namespace PolarBilling.Emulator.State;

/// <summary>The one organization an emulator serves; its access token acts for it.</summary>
internal sealed class EmulatorOrganization
{
    public EmulatorOrganization(string id, string name, string slug, DateTimeOffset createdAt)
    {
        Id = id;
        Name = name;
        Slug = slug;
        CreatedAt = createdAt;
    }

    public string Id { get; set; }

    public string Name { get; set; }

    public string Slug { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ModifiedAt { get; set; }

    /// <summary>What <c>proration_behavior</c> means when a subscription update omits it. Polar's default: <c>prorate</c>.</summary>
    public string ProrationBehavior { get; set; } = "prorate";
}

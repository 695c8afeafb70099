using System.Text.Json;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>What an update's <c>discount_id</c> asks: a discount by id, or <c>null</c> to remove it (Polar's <c>"unset"</c>).</summary>
internal sealed record DiscountChoice(string? DiscountId)
{
    public bool Unset => DiscountId is null;

    public static DiscountChoice From(JsonElement value) =>
        new(value.ValueKind == JsonValueKind.String ? value.GetString() : null);
}

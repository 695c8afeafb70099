using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Discounts;

/// <summary>
/// Discounts by id, with what Polar keeps beside the model: which discounts are deleted (Polar soft-deletes, so
/// subscriptions and orders still show a deleted discount) and who redeemed each (for
/// <c>max_redemptions_per_customer</c>).
/// </summary>
internal sealed class DiscountStore : EntityStore<Discount>
{
    public DiscountStore()
        : base("discounts", d => d.Id)
    {
    }

    /// <summary>Ids of deleted discounts: gone from the discounts API, still embedded where they were used.</summary>
    public HashSet<string> Deleted { get; } = new(StringComparer.Ordinal);

    /// <summary>The customers who redeemed each discount, one entry per redemption (null when not known yet).</summary>
    public Dictionary<string, List<string?>> Redemptions { get; } = new(StringComparer.Ordinal);

    /// <summary>The discount unless it is unknown or deleted.</summary>
    public Discount? FindLive(string? id) => id is not null && !Deleted.Contains(id) ? Find(id) : null;

    public override void Clear()
    {
        base.Clear();
        Deleted.Clear();
        Redemptions.Clear();
    }

    public override void Export(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("items");
        base.Export(writer);
        writer.WriteStartArray("deleted");
        foreach (var id in Deleted)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("redemptions");
        foreach (var (id, customers) in Redemptions)
        {
            writer.WriteStartArray(id);
            foreach (var customer in customers)
            {
                writer.WriteStringValue(customer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public override void Import(JsonElement value)
    {
        base.Import(value.GetProperty("items"));
        Deleted.Clear();
        foreach (var id in value.GetProperty("deleted").EnumerateArray())
        {
            Deleted.Add(id.GetString() ?? throw new JsonException("A null id among the deleted discounts."));
        }

        Redemptions.Clear();
        foreach (var entry in value.GetProperty("redemptions").EnumerateObject())
        {
            Redemptions[entry.Name] = [.. entry.Value.EnumerateArray().Select(c => c.GetString())];
        }
    }
}

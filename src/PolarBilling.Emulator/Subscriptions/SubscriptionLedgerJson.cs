using System.Text.Json;

namespace PolarBilling.Emulator.Subscriptions;

/// <summary>Writes and reads a <see cref="SubscriptionLedger"/> for state export and import.</summary>
internal static class SubscriptionLedgerJson
{
    public static void Write(Utf8JsonWriter writer, SubscriptionLedger ledger)
    {
        writer.WriteStartObject();
        writer.WriteNumber("anchor_day", ledger.AnchorDay);
        writer.WriteStartObject("price_amounts");
        foreach (var (priceId, amount) in ledger.PriceAmounts)
        {
            writer.WriteNumber(priceId, amount);
        }

        writer.WriteEndObject();
        WriteDate(writer, "discount_applied_at", ledger.DiscountAppliedAt);
        WriteDate(writer, "usage_start", ledger.UsageStart);
        writer.WriteString("pending_proration_behavior", ledger.PendingProrationBehavior);
        writer.WriteString("pending_discount_id", ledger.PendingDiscountId);
        writer.WriteBoolean("pending_discount_unset", ledger.PendingDiscountUnset);
        writer.WriteStartArray("pending_entries");
        foreach (var entry in ledger.PendingEntries)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", entry.Kind);
            writer.WriteBoolean("credit", entry.Credit);
            writer.WriteNumber("amount", entry.Amount);
            writer.WriteNumber("discount_amount", entry.DiscountAmount);
            writer.WriteString("product_price_id", entry.ProductPriceId);
            writer.WriteString("product_id", entry.ProductId);
            writer.WriteString("start", entry.Start);
            writer.WriteString("end", entry.End);
            WriteLong(writer, "old_seats", entry.OldSeats);
            WriteLong(writer, "new_seats", entry.NewSeats);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <exception cref="JsonException">The value is not a written ledger.</exception>
    public static SubscriptionLedger Read(JsonElement value)
    {
        try
        {
            var ledger = new SubscriptionLedger
            {
                AnchorDay = value.GetProperty("anchor_day").GetInt32(),
                DiscountAppliedAt = ReadDate(value, "discount_applied_at"),
                UsageStart = ReadDate(value, "usage_start"),
                PendingProrationBehavior = ReadString(value, "pending_proration_behavior"),
                PendingDiscountId = ReadString(value, "pending_discount_id"),
                PendingDiscountUnset = value.GetProperty("pending_discount_unset").GetBoolean(),
            };
            foreach (var price in value.GetProperty("price_amounts").EnumerateObject())
            {
                ledger.PriceAmounts[price.Name] = price.Value.GetInt64();
            }

            foreach (var entry in value.GetProperty("pending_entries").EnumerateArray())
            {
                ledger.PendingEntries.Add(new BillingEntry(
                    ReadString(entry, "kind") ?? BillingEntry.Proration,
                    entry.GetProperty("credit").GetBoolean(),
                    entry.GetProperty("amount").GetInt64(),
                    entry.GetProperty("discount_amount").GetInt64(),
                    ReadString(entry, "product_price_id") ?? string.Empty,
                    ReadString(entry, "product_id") ?? string.Empty,
                    entry.GetProperty("start").GetDateTimeOffset(),
                    entry.GetProperty("end").GetDateTimeOffset(),
                    ReadLong(entry, "old_seats"),
                    ReadLong(entry, "new_seats")));
            }

            return ledger;
        }
        catch (Exception ex) when (ex is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new JsonException($"A subscription ledger is not valid: {ex.Message}", ex);
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } date)
        {
            writer.WriteString(name, date);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteLong(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static DateTimeOffset? ReadDate(JsonElement value, string name) =>
        value.TryGetProperty(name, out var date) && date.ValueKind == JsonValueKind.String ? date.GetDateTimeOffset() : null;

    private static string? ReadString(JsonElement value, string name) =>
        value.TryGetProperty(name, out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;

    private static long? ReadLong(JsonElement value, string name) =>
        value.TryGetProperty(name, out var number) && number.ValueKind == JsonValueKind.Number ? number.GetInt64() : null;
}

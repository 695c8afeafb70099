using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.CustomerSeats;

/// <summary>
/// Customer seats as Polar answers them plus each pending seat's invitation token (Polar stores it on the seat but
/// never returns it). Exported as <c>{"items": [...], "invitation_tokens": {seat id: token}}</c>.
/// </summary>
internal sealed class SeatStore : EntityStore<CustomerSeat>
{
    public SeatStore()
        : base("customer_seats", s => s.Id)
    {
    }

    /// <summary>The invitation token of each pending seat, by seat id.</summary>
    public Dictionary<string, string> InvitationTokens { get; } = new(StringComparer.Ordinal);

    public CustomerSeat? FindByToken(string token)
    {
        var match = InvitationTokens.FirstOrDefault(t => string.Equals(t.Value, token, StringComparison.Ordinal));
        return match.Key is null ? null : Find(match.Key);
    }

    public override void Clear()
    {
        base.Clear();
        InvitationTokens.Clear();
    }

    public override void Export(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("items");
        base.Export(writer);
        writer.WriteStartObject("invitation_tokens");
        foreach (var (seatId, token) in InvitationTokens)
        {
            writer.WriteString(seatId, token);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public override void Import(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Array)
        {
            // An export written before this store kept extra data: the models alone.
            Clear();
            base.Import(value);
            return;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("The 'customer_seats' store must be an object with 'items' and 'invitation_tokens'.");
        }

        var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.TryGetProperty("invitation_tokens", out var saved))
        {
            foreach (var entry in saved.EnumerateObject())
            {
                tokens[entry.Name] = entry.Value.GetString() ?? throw new JsonException("A null invitation token.");
            }
        }

        base.Import(value.GetProperty("items"));
        InvitationTokens.Clear();
        foreach (var (seatId, token) in tokens)
        {
            InvitationTokens[seatId] = token;
        }
    }
}

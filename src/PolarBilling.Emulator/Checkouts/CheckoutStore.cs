using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Checkouts;

/// <summary>
/// Checkouts by id, plus what Polar keeps beside the API model: the success URL as the merchant gave it (absent means
/// Polar's own confirmation page, which follows the emulator's base URL) and each customer's saved card.
/// </summary>
internal sealed class CheckoutStore : EntityStore<Checkout>
{
    public CheckoutStore()
        : base("checkouts", c => c.Id)
    {
    }

    /// <summary>The merchant's <c>success_url</c> per checkout id, <c>{CHECKOUT_ID}</c> already replaced.</summary>
    public Dictionary<string, string> SuccessUrls { get; } = new(StringComparer.Ordinal);

    /// <summary>The card each customer pays with (<see cref="CustomerCards.CardOf"/> for off-session charges).</summary>
    public CustomerCards Cards { get; } = new();

    /// <summary>The checkout with this client secret, or <see langword="null"/>.</summary>
    public Checkout? FindByClientSecret(string clientSecret) =>
        All.FirstOrDefault(c => string.Equals(c.ClientSecret, clientSecret, StringComparison.Ordinal));

    public override void Clear()
    {
        base.Clear();
        SuccessUrls.Clear();
        Cards.Clear();
    }

    public override void Export(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("items");
        base.Export(writer);
        writer.WriteStartObject("success_urls");
        foreach (var (id, url) in SuccessUrls)
        {
            writer.WriteString(id, url);
        }

        writer.WriteEndObject();
        writer.WriteStartObject("customer_cards");
        foreach (var (customerId, number) in Cards.All)
        {
            writer.WriteString(customerId, number);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public override void Import(JsonElement value)
    {
        base.Import(value.GetProperty("items"));
        SuccessUrls.Clear();
        foreach (var entry in value.GetProperty("success_urls").EnumerateObject())
        {
            SuccessUrls[entry.Name] = entry.Value.GetString() ?? throw new JsonException("A null success URL in the checkouts store.");
        }

        Cards.Clear();
        foreach (var entry in value.GetProperty("customer_cards").EnumerateObject())
        {
            var number = entry.Value.GetString();
            if (TestCard.Find(number) is null)
            {
                throw new JsonException($"Customer {entry.Name} has an unknown card '{number}'.");
            }

            Cards.Set(entry.Name, number!);
        }
    }
}

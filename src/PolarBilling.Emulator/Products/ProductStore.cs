using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Products;

/// <summary>
/// Products by id, plus every price ever made for them. A product's <c>prices</c> holds only its current catalog
/// prices (Polar's <c>Product.prices</c> relationship hides archived and ad-hoc ones), yet subscriptions and orders keep
/// pointing at archived prices, so <see cref="FindPrice"/> knows them all.
/// </summary>
internal sealed class ProductStore : EntityStore<Product>
{
    public ProductStore()
        : base("products", p => p.Id)
    {
    }

    /// <summary>Every price by id: current, archived and ad hoc (checkout-made) ones.</summary>
    public Dictionary<string, ProductPrice> Prices { get; } = new(StringComparer.Ordinal);

    /// <summary>The price with this id, archived or not, or <see langword="null"/>.</summary>
    public ProductPrice? FindPrice(string? id) => id is not null && Prices.TryGetValue(id, out var price) ? price : null;

    /// <summary>Remembers a price made outside the catalog, e.g. a checkout's ad-hoc price (<c>source: ad_hoc</c>).</summary>
    public ProductPrice AddPrice(ProductPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        Prices[price.Id] = price;
        return price;
    }

    public override void Clear()
    {
        base.Clear();
        Prices.Clear();
    }

    public override void Export(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("items");
        base.Export(writer);
        writer.WriteStartArray("prices");
        var info = PolarJson.TypeInfo<ProductPrice>();
        foreach (var price in Prices.Values)
        {
            JsonSerializer.Serialize(writer, price, info);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override void Import(JsonElement value)
    {
        base.Import(value.GetProperty("items"));
        Prices.Clear();
        var info = PolarJson.TypeInfo<ProductPrice>();
        foreach (var element in value.GetProperty("prices").EnumerateArray())
        {
            var price = element.Deserialize(info) ?? throw new JsonException("A null entry in the product prices.");
            Prices[price.Id] = price;
        }

        // One object per price, so archiving through the index shows on the product too.
        foreach (var product in Items.Values)
        {
            product.Prices = [.. product.Prices.Select(p => Prices.TryGetValue(p.Id, out var same) ? same : AddPrice(p))];
        }
    }
}

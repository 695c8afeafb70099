using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Emulator.State;

/// <summary>
/// Copies a Polar model into another model with the same wire fields, such as a <see cref="Customer"/> into the
/// <see cref="OrderCustomer"/> an order embeds: through JSON, so every field the target knows is carried and the
/// ones it does not know are dropped (Polar's embedded objects carry exactly their own schema's fields).
/// </summary>
internal static class ModelProjection
{
    public static TTarget As<TTarget>(object source)
        where TTarget : PolarObject
    {
        ArgumentNullException.ThrowIfNull(source);
        var json = JsonSerializer.SerializeToUtf8Bytes(source, PolarJson.Options.GetTypeInfo(source.GetType()));
        var target = PolarJson.Deserialize<TTarget>(json);
        target.AdditionalProperties = null;
        return target;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace PolarBilling.Client;

/// <summary>
/// Base of every object Polar sends or receives. Fields this version of the client does not model are kept in
/// <see cref="AdditionalProperties"/>, so a newer Polar API never loses data on a round-trip.
/// </summary>
public abstract class PolarObject
{
    /// <summary>JSON fields not modelled by this class, kept verbatim. Usually <see langword="null"/>.</summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties { get; set; }
}

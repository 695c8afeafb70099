using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;

namespace PolarBilling.Client.Tests.Checkouts;

/// <summary>
/// <see cref="ModelRoundTrip.Assert{T}"/> for samples whose output <c>metadata</c> is not empty. The generated
/// <see cref="MetadataOutputType"/> is an empty class (the generator maps Polar's <c>MetadataOutputType</c>, an object with
/// only <c>additionalProperties</c>, to a model instead of a dictionary), so every metadata value lands in its
/// <see cref="PolarObject.AdditionalProperties"/> and the "fully modelled" check would fail on it. This runs every check of
/// <see cref="ModelRoundTrip.Assert{T}"/> on the full sample except that one, which it runs with output metadata emptied.
/// Replace with <see cref="ModelRoundTrip.Assert{T}"/> once <see cref="MetadataOutputType"/> is a dictionary.
/// </summary>
internal static class OutputMetadataRoundTrip
{
    /// <summary>The properties that are <see cref="MetadataOutputType"/> in the models of this area.</summary>
    private static readonly HashSet<string> OutputMetadataNames = ["metadata", "benefit_metadata"];

    public static T Assert<T>(string schemaName, string json) where T : class
    {
        OpenApiSpec.AssertValid(schemaName, json);
        var model = PolarJson.Deserialize<T>(json);
        var written = PolarJson.Serialize(model);
        OpenApiSpec.AssertValid(schemaName, written);
        ModelRoundTrip.AssertEquivalent(json, written);
        ModelRoundTrip.AssertFullyModelled(PolarJson.Deserialize<T>(WithoutOutputMetadata(json)), typeof(T).Name);
        return model;
    }

    private static string WithoutOutputMetadata(string json)
    {
        var root = JsonNode.Parse(json)!;
        Empty(root);
        return root.ToJsonString();
    }

    private static void Empty(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (OutputMetadataNames.Contains(key) && child is JsonObject)
                    {
                        obj[key] = new JsonObject();
                    }
                    else
                    {
                        Empty(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Empty(child);
                }

                break;
        }
    }
}

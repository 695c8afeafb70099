using System.Collections;
using System.Reflection;
using System.Text.Json;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Conformance;
using PolarBilling.Client.Tests.Infrastructure;

namespace PolarBilling.Client.Tests.Products;

/// <summary>
/// <see cref="ModelRoundTrip.Assert{T}"/> for the catalog and usage models, with one difference: an event's metadata
/// (<see cref="EventMetadataOutput"/>) declares only Polar's <c>_cost</c>/<c>_llm</c> keys and is otherwise a map
/// whose entries ARE its <see cref="PolarObject.AdditionalProperties"/>, so entries there count as modelled.
/// Everywhere else an undeclared field still fails. (The shared check flags them; reported to the lead.)
/// </summary>
internal static class CatalogRoundTrip
{
    private static readonly HashSet<Type> MetadataMaps = [typeof(EventMetadataOutput)];

    public static T Assert<T>(string schemaName, string json) where T : class
    {
        OpenApiSpec.AssertValid(schemaName, json);
        var model = PolarJson.Deserialize<T>(json);
        AssertFullyModelled(model, typeof(T).Name);
        var written = PolarJson.Serialize(model);
        OpenApiSpec.AssertValid(schemaName, written);
        ModelRoundTrip.AssertEquivalent(json, written);
        return model;
    }

    /// <summary>Reads <c>Fixtures/<paramref name="relativePath"/></c> and checks it against <paramref name="schemaName"/>.</summary>
    public static T Fixture<T>(string schemaName, string relativePath) where T : class =>
        Assert<T>(schemaName, ModelRoundTrip.Fixture(relativePath));

    private static void AssertFullyModelled(object? value, string path)
    {
        if (value is null or string or JsonElement || value.GetType().IsPrimitive)
        {
            return;
        }

        if (value is PolarObject polar)
        {
            if (!MetadataMaps.Contains(value.GetType()) && polar.AdditionalProperties is { Count: > 0 } extra)
            {
                Xunit.Assert.Fail($"{path} ({value.GetType().Name}) has fields the model does not declare: {string.Join(", ", extra.Keys)}");
            }

            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length == 0 && property.Name != nameof(PolarObject.AdditionalProperties))
                {
                    AssertFullyModelled(property.GetValue(value), $"{path}.{property.Name}");
                }
            }
        }
        else if (value is IEnumerable items and not IDictionary)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertFullyModelled(item, $"{path}[{index++}]");
            }
        }
        else if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                AssertFullyModelled(entry.Value, $"{path}[{entry.Key}]");
            }
        }
    }
}

using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using PolarBilling.Client.Serialization;
using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Conformance;

/// <summary>
/// The conformance check for every model the client reads: the sample is valid against Polar's schema, reads
/// into the model with every field modelled (nothing left in AdditionalProperties), writes back valid against
/// the same schema, and means the same JSON (nulls of optional fields aside; instants and decimals by value).
/// </summary>
internal static class ModelRoundTrip
{
    private const string DecimalFormat = "0.############################";

    /// <summary>
    /// Models that are open maps in Polar's schema (an event's metadata declares only <c>_cost</c>/<c>_llm</c>; every
    /// other key is the user's): their <see cref="PolarObject.AdditionalProperties"/> ARE the data, so they count as modelled.
    /// </summary>
    private static readonly HashSet<Type> OpenMaps = [typeof(EventMetadataOutput), typeof(EventMetadataInput)];

    public static T Assert<T>(string schemaName, string json) where T : class
    {
        OpenApiSpec.AssertValid(schemaName, json);
        var model = PolarJson.Deserialize<T>(json);
        AssertFullyModelled(model, typeof(T).Name);
        var written = PolarJson.Serialize(model);
        OpenApiSpec.AssertValid(schemaName, written);
        AssertEquivalent(json, written);
        return model;
    }

    /// <summary>Reads <c>Fixtures/<paramref name="relativePath"/></c> and runs <see cref="Assert{T}"/> on it.</summary>
    public static T AssertFixture<T>(string schemaName, string relativePath) where T : class =>
        Assert<T>(schemaName, Fixture(relativePath));

    /// <summary>Reads a fixture file copied to the test output (Fixtures/...).</summary>
    public static string Fixture(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", relativePath));

    public static void AssertFullyModelled(object? value, string path)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value is JsonElement)
        {
            return;
        }

        if (value is PolarObject polar)
        {
            if (!OpenMaps.Contains(value.GetType()) && polar.AdditionalProperties is { Count: > 0 } extra)
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

            return;
        }

        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                AssertFullyModelled(entry.Value, $"{path}[{entry.Key}]");
            }
        }
        else if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                AssertFullyModelled(item, $"{path}[{index++}]");
            }
        }
    }

    public static void AssertEquivalent(string expected, string actual)
    {
        var left = Normalize(JsonNode.Parse(expected));
        var right = Normalize(JsonNode.Parse(actual));
        if (!JsonNode.DeepEquals(left, right))
        {
            Xunit.Assert.Fail($"Round-trip changed the JSON.\nExpected: {left?.ToJsonString()}\nActual:   {right?.ToJsonString()}");
        }
    }

    private static JsonNode? Normalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, child) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    if (child is not null)
                    {
                        result[key] = Normalize(child);
                    }
                }

                return result;
            case JsonArray array:
                return new JsonArray(array.Select(Normalize).ToArray());
            case JsonValue value when value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(value.GetValue<decimal>().ToString(DecimalFormat, CultureInfo.InvariantCulture));
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (text.Length >= 19 && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                {
                    return JsonValue.Create(instant.UtcTicks.ToString(CultureInfo.InvariantCulture));
                }

                return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit) && !text.Contains('e', StringComparison.OrdinalIgnoreCase)
                    ? JsonValue.Create(number.ToString(DecimalFormat, CultureInfo.InvariantCulture))
                    : JsonValue.Create(text);
            default:
                return node?.DeepClone();
        }
    }
}

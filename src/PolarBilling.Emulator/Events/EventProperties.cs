using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Emulator.Events;

/// <summary>
/// Reads an event's name, source and <c>metadata</c> keys the way Polar's meter filters and aggregations do
/// (<c>user_metadata[key]</c>, keys referenced directly). System events are generated types with their own typed
/// metadata; events are immutable, so each one is read once through its JSON and remembered.
/// </summary>
internal static class EventProperties
{
    private static readonly ConditionalWeakTable<Event, SystemView> SystemViews = new();

    // The getter of each system event type's "name" property, or null for a type without one (unknown kinds).
    private static readonly ConcurrentDictionary<Type, Func<object, object?>?> NameGetters = new();

    /// <summary>The metadata value under <paramref name="key"/>, or <see langword="null"/> when the event has none.</summary>
    public static JsonElement? Metadata(Event item, string key) =>
        All(item) is { } metadata && metadata.TryGetValue(key, out var value) ? value : null;

    /// <summary>Every metadata key of the event with its JSON value.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? All(Event item) => item switch
    {
        UserEvent user => user.Metadata?.AdditionalProperties is IReadOnlyDictionary<string, JsonElement> extra ? extra : null,
        _ => SystemViews.GetValue(item, Read).Metadata,
    };

    /// <summary>The event's <c>name</c>.</summary>
    public static string Name(Event item) => item switch
    {
        UserEvent user => user.Name,

        // A known system event type has its name as a property: read it, not the whole event through JSON (every
        // renewal records system events, and each embeds its customer).
        _ when NameGetter(item.GetType()) is { } name => name(item) as string ?? string.Empty,
        _ => SystemViews.GetValue(item, Read).Name,
    };

    /// <summary>The event's <c>source</c>: <c>user</c> or <c>system</c>.</summary>
    public static string Source(Event item) => item is UserEvent ? "user" : "system";

    private static Func<object, object?>? NameGetter(Type type) => NameGetters.GetOrAdd(type, static t =>
        PolarJson.Options.GetTypeInfo(t).Properties.FirstOrDefault(p => p.Name == "name" && p.PropertyType == typeof(string))?.Get);

    private static SystemView Read(Event item)
    {
        using var document = JsonDocument.Parse(PolarJson.SerializeToUtf8Bytes(item));
        var root = document.RootElement;
        var metadata = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (root.TryGetProperty("metadata", out var value) && value.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in value.EnumerateObject())
            {
                metadata[property.Name] = property.Value.Clone();
            }
        }

        var name = root.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : string.Empty;
        return new SystemView(name, metadata);
    }

    private sealed record SystemView(string Name, Dictionary<string, JsonElement> Metadata);
}

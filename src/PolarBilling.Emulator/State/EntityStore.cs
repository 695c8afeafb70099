using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.State;

/// <summary>
/// Polar objects of one kind by id, kept as the API models Polar returns (so export and import are plain JSON of
/// them). Embedded objects (a subscription's <c>customer</c>, an order's <c>product</c>) are refreshed by the feature
/// when it answers, not trusted from storage.
/// </summary>
internal class EntityStore<T> : IEmulatorStore
    where T : PolarObject
{
    private readonly Func<T, string> _id;

    public EntityStore(string name, Func<T, string> id)
    {
        Name = name;
        _id = id;
    }

    public string Name { get; }

    /// <summary>Every object by id, in insertion order until one is removed.</summary>
    public Dictionary<string, T> Items { get; } = new(StringComparer.Ordinal);

    public IEnumerable<T> All => Items.Values;

    public int Count => Items.Count;

    public T? Find(string? id) => id is not null && Items.TryGetValue(id, out var item) ? item : null;

    /// <summary>The object, or Polar's 404 <c>ResourceNotFound</c>.</summary>
    /// <exception cref="EmulatorProblem">There is no such object.</exception>
    public T Get(string id) => Find(id) ?? throw Problems.NotFound();

    public T Add(T item)
    {
        Items[_id(item)] = item;
        return item;
    }

    public bool Remove(string id) => Items.Remove(id);

    public virtual void Clear() => Items.Clear();

    public virtual void Export(Utf8JsonWriter writer)
    {
        var info = PolarJson.TypeInfo<T>();
        writer.WriteStartArray();
        foreach (var item in Items.Values)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }

    public virtual void Import(JsonElement value)
    {
        var info = PolarJson.TypeInfo<T>();
        Items.Clear();
        foreach (var element in value.EnumerateArray())
        {
            var item = element.Deserialize(info) ?? throw new JsonException($"A null entry in the '{Name}' store.");
            Items[_id(item)] = item;
        }
    }
}

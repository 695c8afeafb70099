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
    private readonly Func<T, string?>? _customerOf;
    private Dictionary<string, List<T>>? _byCustomer;
    private long _version;
    private long _indexedVersion = -1;

    /// <param name="name">The store's name in exports.</param>
    /// <param name="id">The object's id.</param>
    /// <param name="customerOf">The customer an object belongs to, set at creation and never changed; enables <see cref="ForCustomer"/>.</param>
    public EntityStore(string name, Func<T, string> id, Func<T, string?>? customerOf = null)
    {
        Name = name;
        _id = id;
        _customerOf = customerOf;
    }

    public string Name { get; }

    /// <summary>Every object by id, in insertion order until one is removed.</summary>
    public Dictionary<string, T> Items { get; } = new(StringComparer.Ordinal);

    public IEnumerable<T> All => Items.Values;

    public int Count => Items.Count;

    /// <summary>
    /// The objects of one customer, in insertion order. The index is rebuilt lazily after objects are added or removed,
    /// so a clock advance that only changes existing objects reads it without scanning the whole store every time.
    /// </summary>
    public IReadOnlyList<T> ForCustomer(string customerId)
    {
        if (_customerOf is null)
        {
            throw new InvalidOperationException($"The '{Name}' store has no customer index.");
        }

        if (_indexedVersion != _version || _byCustomer is null)
        {
            _byCustomer = new Dictionary<string, List<T>>(StringComparer.Ordinal);
            foreach (var item in Items.Values)
            {
                if (_customerOf(item) is { } customer)
                {
                    if (!_byCustomer.TryGetValue(customer, out var list))
                    {
                        _byCustomer[customer] = list = [];
                    }

                    list.Add(item);
                }
            }

            _indexedVersion = _version;
        }

        return _byCustomer.TryGetValue(customerId, out var items) ? items : [];
    }

    public T? Find(string? id) => id is not null && Items.TryGetValue(id, out var item) ? item : null;

    /// <summary>The object, or Polar's 404 <c>ResourceNotFound</c>.</summary>
    /// <exception cref="EmulatorProblem">There is no such object.</exception>
    public T Get(string id) => Find(id) ?? throw Problems.NotFound();

    public T Add(T item)
    {
        Items[_id(item)] = item;
        _version++;
        return item;
    }

    public bool Remove(string id)
    {
        _version++;
        return Items.Remove(id);
    }

    public virtual void Clear()
    {
        _version++;
        Items.Clear();
    }

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
        _version++;
        Items.Clear();
        foreach (var element in value.EnumerateArray())
        {
            var item = element.Deserialize(info) ?? throw new JsonException($"A null entry in the '{Name}' store.");
            Items[_id(item)] = item;
        }
    }
}

using System.Text.Json;

namespace PolarBilling.Emulator.State;

/// <summary>
/// One part of the emulator's memory (products, customers, webhook endpoints, …). Every store can be cleared,
/// exported and imported, so <c>/emulator/state</c> round-trips the whole emulator. Called under
/// <see cref="EmulatorState.Gate"/>.
/// </summary>
internal interface IEmulatorStore
{
    /// <summary>The store's key in an exported state document, e.g. <c>products</c>.</summary>
    string Name { get; }

    /// <summary>Forgets everything.</summary>
    void Clear();

    /// <summary>Writes the store's contents as one JSON value.</summary>
    void Export(Utf8JsonWriter writer);

    /// <summary>Replaces the store's contents with an exported value.</summary>
    /// <exception cref="JsonException">The value is not what <see cref="Export"/> writes.</exception>
    void Import(JsonElement value);
}

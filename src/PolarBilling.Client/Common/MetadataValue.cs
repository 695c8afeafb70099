using System.Globalization;
using System.Text.Json.Serialization;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Client;

/// <summary>
/// One value of Polar <c>metadata</c>: a string, an integer, a number or a boolean. Converts implicitly from
/// each, so <c>metadata["plan"] = "pro"</c> and <c>metadata["seats"] = 5</c> both work.
/// </summary>
[JsonConverter(typeof(MetadataValueConverter))]
public readonly struct MetadataValue : IEquatable<MetadataValue>
{
    private readonly object? _value;

    private MetadataValue(object value) => _value = value;

    /// <summary>Which of the four kinds this value is.</summary>
    public MetadataValueKind Kind => _value switch
    {
        long => MetadataValueKind.Integer,
        double => MetadataValueKind.Number,
        bool => MetadataValueKind.Boolean,
        _ => MetadataValueKind.String,
    };

    /// <summary>The value as a string (numbers in invariant culture, booleans as <c>true</c>/<c>false</c>).</summary>
    public override string ToString() => _value switch
    {
        null => string.Empty,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => (string)_value,
    };

    /// <summary>The integer value; throws when this is not an integer.</summary>
    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public long AsInteger() => _value is long l ? l : throw new InvalidOperationException($"Metadata value '{this}' is a {Kind}, not an integer.");

    /// <summary>The numeric value of an integer or number; throws otherwise.</summary>
    /// <exception cref="InvalidOperationException">The value is not numeric.</exception>
    public double AsNumber() => _value switch
    {
        long l => l,
        double d => d,
        _ => throw new InvalidOperationException($"Metadata value '{this}' is a {Kind}, not a number."),
    };

    /// <summary>The boolean value; throws when this is not a boolean.</summary>
    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean() => _value is bool b ? b : throw new InvalidOperationException($"Metadata value '{this}' is a {Kind}, not a boolean.");

    /// <summary>A string value.</summary>
    public static implicit operator MetadataValue(string value) => new(value ?? throw new ArgumentNullException(nameof(value)));

    /// <summary>An integer value.</summary>
    public static implicit operator MetadataValue(long value) => new(value);

    /// <summary>An integer value.</summary>
    public static implicit operator MetadataValue(int value) => new((long)value);

    /// <summary>A number value.</summary>
    public static implicit operator MetadataValue(double value) => new(value);

    /// <summary>A boolean value.</summary>
    public static implicit operator MetadataValue(bool value) => new(value);

    /// <inheritdoc />
    public bool Equals(MetadataValue other) => Equals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MetadataValue other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _value?.GetHashCode() ?? 0;

    /// <summary>Value equality.</summary>
    public static bool operator ==(MetadataValue left, MetadataValue right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(MetadataValue left, MetadataValue right) => !left.Equals(right);
}

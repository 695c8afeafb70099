namespace PolarBilling.Client;

/// <summary>
/// A Polar string enumeration. Values Polar adds later are kept as they are instead of failing to parse, so
/// an API update never breaks a running app; compare with the static members of the implementing type.
/// </summary>
/// <typeparam name="TSelf">The enumeration type.</typeparam>
public interface IPolarEnum<TSelf> where TSelf : struct, IPolarEnum<TSelf>
{
    /// <summary>The value exactly as Polar spells it on the wire.</summary>
    string Value { get; }

    /// <summary>Creates the enumeration value for a wire value, known or not.</summary>
    static abstract TSelf From(string value);
}

namespace PolarBilling.Client;

/// <summary>The four kinds of value Polar metadata holds.</summary>
public enum MetadataValueKind
{
    /// <summary>A string (1 to 500 characters on input).</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A floating-point number.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Boolean,
}

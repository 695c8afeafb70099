namespace PolarBilling.Emulator.Contract;

/// <summary>Where a <see cref="SpecError"/> sits relative to the <c>anyOf</c>/<c>oneOf</c> branches of the schema.</summary>
internal enum SpecErrorKind
{
    /// <summary>Not inside any branch: the instance itself breaks the schema (a missing required key, a wrong type).</summary>
    Direct,

    /// <summary>Inside a branch that plausibly was meant (its discriminator and type fit): likely the real cause.</summary>
    LikelyBranch,

    /// <summary>Inside a branch that was never meant (its <c>const</c> discriminator or type does not fit): noise.</summary>
    OtherBranch,
}

/// <summary>One failed schema keyword, with where in the instance and the schema it failed.</summary>
/// <param name="InstanceLocation">JSON pointer into the instance, empty for the root.</param>
/// <param name="Keyword">The failing keyword (<c>required</c>, <c>type</c>, <c>enum</c>, <c>const</c>, ...).</param>
/// <param name="Message">JsonSchema.Net's explanation.</param>
/// <param name="EvaluationPath">JSON pointer through the schema, showing the <c>$ref</c>s and branches taken.</param>
/// <param name="SchemaLocation">The failing keyword's schema, e.g. <c>ProductPriceFixed/properties/price_amount</c>.</param>
/// <param name="Value">The offending instance value as short JSON text, when there is one.</param>
/// <param name="Kind">Whether the error is direct, in a likely branch, or branch noise.</param>
internal sealed record SpecError(string InstanceLocation, string Keyword, string Message, string EvaluationPath, string SchemaLocation, string? Value, SpecErrorKind Kind)
{
    /// <summary>Ordering: direct before branch errors, and <c>required</c>/<c>type</c> before the other keywords.</summary>
    public int Rank => ((int)Kind * 2) + (Keyword is "required" or "type" ? 0 : 1);

    public override string ToString()
    {
        var location = InstanceLocation.Length == 0 ? "(root)" : InstanceLocation;
        var value = Value is null || Keyword == "required" ? string.Empty : $" = {Value}";
        return $"{location}{value}: {Keyword}: {Message}   [{SchemaLocation}]";
    }
}

namespace PolarBilling.Client;

/// <summary>One entry of a 422 <c>detail</c> list.</summary>
/// <param name="Type">Machine-readable kind, such as <c>missing</c> or <c>value_error</c>.</param>
/// <param name="Location">Where the problem is, such as <c>["body", "email"]</c>; list indexes appear as numbers in text.</param>
/// <param name="Message">Polar's explanation.</param>
/// <param name="Input">The offending input as raw JSON text, when Polar echoed it.</param>
public sealed record PolarValidationError(string Type, IReadOnlyList<string> Location, string Message, string? Input)
{
    /// <summary>The location joined with dots, such as <c>body.email</c>.</summary>
    public string Path => string.Join('.', Location);

    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";
}

using System.Text.Json;

namespace PolarBilling.Projection;

/// <summary>
/// Reads <c>data.benefit.type</c> from a benefit grant webhook. The client's grant union is structural and its members
/// share every field, so the parsed member type cannot be trusted to name the benefit; the raw field can.
/// </summary>
internal static class BenefitTypeReader
{
    public static string? Read(string rawJson)
    {
        try
        {
            using var document = JsonDocument.Parse(rawJson);
            return document.RootElement.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("benefit", out var benefit)
                && benefit.ValueKind == JsonValueKind.Object
                && benefit.TryGetProperty("type", out var type)
                && type.ValueKind == JsonValueKind.String
                    ? type.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

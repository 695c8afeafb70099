using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Customers;

/// <summary>Customer fields that Polar derives or checks when it stores them: address, tax id, avatar, email.</summary>
internal static class CustomerFields
{
    private static readonly HashSet<string> EuCountries = new(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    };

    public static Address? Address(JsonElement value) =>
        value.ValueKind == JsonValueKind.Object ? PolarJson.Deserialize<Address>(value.GetRawText()) : null;

    /// <summary>
    /// Polar's stored tax id: <c>[number, type]</c>, checked against the billing country. Approximation: the number is
    /// not validated (Polar uses python-stdnum per country); the type is Stripe's for the country (<c>eu_vat</c> in the EU).
    /// </summary>
    /// <exception cref="EmulatorProblem">422 <c>missing</c> at <c>body.billing_address</c> without a country, as Polar.</exception>
    public static List<JsonElement> TaxId(string taxId, Address? billingAddress)
    {
        if (billingAddress is null || string.IsNullOrEmpty(billingAddress.Country))
        {
            throw Problems.Validation(new ValidationIssue("missing", ["body", "billing_address"], "Country is required to validate tax ID."));
        }

        var country = billingAddress.Country.ToUpperInvariant();
        var type = EuCountries.Contains(country) ? "eu_vat" : country switch
        {
            "US" => "us_ein",
            "CA" => "ca_bn",
            "AU" => "au_abn",
            "IN" => "in_gst",
            _ => country.ToLowerInvariant() + "_vat",
        };
        var number = new string([.. taxId.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        using var document = JsonDocument.Parse($"[\"{JsonEncodedText.Encode(number)}\",\"{JsonEncodedText.Encode(type)}\"]");
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    /// <summary>Polar's avatar for a customer with an email: Gravatar by SHA-256 of the email, 404 when none exists.</summary>
    public static string? AvatarUrl(string? email) => email is null ? null
        : $"https://www.gravatar.com/avatar/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))}?d=404";

    /// <summary>Checks an email as pydantic's <c>EmailStr</c> does, in outline.</summary>
    /// <exception cref="EmulatorProblem">422 <c>value_error</c> at <c>body.{field}</c>.</exception>
    public static string Email(string email, params object[] location)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var message = at < 0 ? "An email address must have an @-sign."
            : at == 0 ? "There must be something before the @-sign."
            : !email[(at + 1)..].Contains('.', StringComparison.Ordinal) ? "The part after the @-sign is not valid. It should have a period."
            : null;
        return message is null ? email
            : throw Problems.Validation(new ValidationIssue("value_error", ["body", .. location], $"value is not a valid email address: {message}", System.Text.Json.Nodes.JsonValue.Create(email)));
    }
}

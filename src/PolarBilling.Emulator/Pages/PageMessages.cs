using System.Text.Json.Nodes;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// Polar's error answers as the lines a page shows: each 422 entry as "<c>Field: message</c>" with the field named
/// as on the form, any other error by its <c>detail</c>, so the customer reads Polar's own words.
/// </summary>
internal static class PageMessages
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        ["customer_email"] = "Email",
        ["customer_name"] = "Name",
        ["customer_billing_name"] = "Billing name",
        ["customer_billing_address"] = "Billing address",
        ["customer_billing_address.country"] = "Country",
        ["customer_billing_address.state"] = "State / province",
        ["customer_billing_address.line1"] = "Address",
        ["customer_billing_address.city"] = "City",
        ["customer_billing_address.postal_code"] = "Postal code",
        ["discount_code"] = "Discount code",
        ["discount_id"] = "Discount",
        ["product_id"] = "Plan",
        ["product_price_id"] = "Price",
        ["amount"] = "Amount",
        ["card_number"] = "Card number",
        ["seats"] = "Seats",
    };

    public static IReadOnlyList<string> From(EmulatorProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        switch (problem.Body?["detail"])
        {
            case JsonArray issues:
                return [.. issues.OfType<JsonObject>().Select(Describe)];
            case JsonValue detail when detail.TryGetValue<string>(out var text):
                return [text];
            default:
                return [problem.Message];
        }
    }

    private static string Describe(JsonObject issue)
    {
        var location = issue["loc"] is JsonArray loc ? string.Join('.', loc.Skip(1).Select(part => part?.ToString())) : string.Empty;
        var message = issue["msg"]?.GetValue<string>() ?? "Invalid value.";
        var label = Labels.TryGetValue(location, out var known) ? known : location;
        return label.Length == 0 ? message : $"{label}: {message}";
    }
}

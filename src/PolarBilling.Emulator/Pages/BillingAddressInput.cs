using System.Text.Json.Nodes;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// A billing address typed into a page form, as Polar's <c>Address</c>: a two-letter country (no country, no
/// address), for the US and Canada a subdivision such as <c>US-CA</c> (typing <c>CA</c> is enough), empty fields left out.
/// </summary>
internal static class BillingAddressInput
{
    /// <summary>The address as JSON, or <see langword="null"/> when no country was typed.</summary>
    /// <exception cref="EmulatorProblem">422 at <c>body.{field}.country</c> for a country that is not two letters.</exception>
    public static JsonObject? Build(string country, string state, string line1, string line2, string city, string postalCode, string field)
    {
        country = country.Trim().ToUpperInvariant();
        if (country.Length == 0)
        {
            return null;
        }

        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw Problems.Validation(new ValidationIssue("enum", ["body", field, "country"], "Input should be a two-letter ISO country code, e.g. US or DE.", JsonValue.Create(country)));
        }

        var address = new JsonObject { ["country"] = country };
        var subdivision = state.Trim().ToUpperInvariant();
        Put(address, "state", country is "US" or "CA" && subdivision.Length > 0 && !subdivision.StartsWith(country + "-", StringComparison.Ordinal) ? $"{country}-{subdivision}" : state);
        Put(address, "line1", line1);
        Put(address, "line2", line2);
        Put(address, "city", city);
        Put(address, "postal_code", postalCode);
        return address;
    }

    /// <summary>The address fields of a form (<c>country</c>, <c>state</c>, <c>line1</c>, <c>line2</c>, <c>city</c>, <c>postal_code</c>).</summary>
    public static JsonObject? Read(IFormCollection form, string field)
    {
        string Field(string name) => form[name].ToString().Trim();
        return Build(Field("country"), Field("state"), Field("line1"), Field("line2"), Field("city"), Field("postal_code"), field);
    }

    private static void Put(JsonObject address, string name, string value)
    {
        if (value.Trim().Length > 0)
        {
            address[name] = value.Trim();
        }
    }
}

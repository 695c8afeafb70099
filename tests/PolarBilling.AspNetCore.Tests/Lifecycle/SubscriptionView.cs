using System.Text.Json;

namespace PolarBilling.AspNetCore.Tests.Lifecycle;

/// <summary>Reads the fields of <c>GET /api/billing/subscription</c> and <c>/orders</c>.</summary>
internal static class SubscriptionView
{
    public static string? Str(this JsonElement json, string name) =>
        json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static DateTimeOffset Time(this JsonElement json, string name) =>
        json.GetProperty(name).GetDateTimeOffset();

    public static bool Flag(this JsonElement json, string name) => json.GetProperty(name).GetBoolean();

    public static string[] Strings(this JsonElement json, string name) =>
        [.. json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}

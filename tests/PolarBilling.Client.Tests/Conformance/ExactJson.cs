using System.Text.Json.Nodes;
using Xunit;

namespace PolarBilling.Client.Tests.Conformance;

/// <summary>
/// Compares a sent body with the expected JSON exactly: same keys, same values, explicit <c>null</c>s included (key
/// order aside). <c>ModelRoundTrip.AssertEquivalent</c> ignores nulls, which would hide a missing <c>"discount_id": null</c>.
/// </summary>
internal static class ExactJson
{
    public static void Equal(string expected, string? actual)
    {
        Assert.NotNull(actual);
        var left = JsonNode.Parse(expected);
        var right = JsonNode.Parse(actual);
        if (!JsonNode.DeepEquals(left, right))
        {
            Assert.Fail($"The body differs.\nExpected: {left?.ToJsonString()}\nActual:   {right?.ToJsonString()}");
        }
    }
}

using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Organizations;

/// <summary>With an organization token, create bodies must not name an organization, not even their own.</summary>
public sealed class PayloadOrganizationTests : EmulatorTest
{
    [Theory]
    [InlineData("/v1/products/", """ "name": "Pro", "prices": [{"amount_type": "fixed", "price_amount": 1000}]""")]
    [InlineData("/v1/benefits/", """ "type": "feature_flag", "description": "API access", "properties": {}""")]
    [InlineData("/v1/discounts/", """ "type": "percentage", "name": "Launch", "duration": "once", "basis_points": 1000""")]
    public async Task Setting_organization_id_is_refused(string path, string fields)
    {
        var (status, body) = await SendAsync(HttpMethod.Post, path, $$"""{{{fields}}, "organization_id": "{{Emulator.OrganizationId}}"}""");

        Assert.Equal(422, status);
        var issue = Assert.Single(body!["detail"]!.AsArray())!;
        Assert.Equal("organization_token", (string?)issue["type"]);
        Assert.Equal("""["body","organization_id"]""", issue["loc"]!.ToJsonString());
        Assert.Equal("Setting organization_id is disallowed when using an organization token.", (string?)issue["msg"]);
        Assert.Empty(AssertWebhooks());
    }
}

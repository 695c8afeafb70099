using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Organizations;

public sealed class OrganizationReadTests : EmulatorTest
{
    [Fact]
    public async Task The_token_sees_its_organization_active_in_usd()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, $"/v1/organizations/{Emulator.OrganizationId}");

        Assert.Equal(200, status);
        Assert.Equal(Emulator.OrganizationId, (string?)body!["id"]);
        Assert.Equal("active", (string?)body["status"]);
        Assert.Equal("usd", (string?)body["default_presentment_currency"]);
        Assert.Equal("prorate", (string?)body["proration_behavior"]);
        Assert.Equal("prorate", (string?)body["subscription_settings"]!["proration_behavior"]);
    }

    [Fact]
    public async Task Another_organization_is_not_found()
    {
        var (status, body) = await SendAsync(HttpMethod.Get, "/v1/organizations/0a8f6a1e-8d8b-4b8e-8a5d-3a2c1b0f9e8d");

        Assert.Equal(404, status);
        Assert.Equal("ResourceNotFound", (string?)body!["error"]);
    }

    [Fact]
    public async Task The_list_holds_the_one_organization_and_filters_by_slug()
    {
        var (_, all) = await SendAsync(HttpMethod.Get, "/v1/organizations/");
        var slug = (string)all!["items"]![0]!["slug"]!;
        var (_, bySlug) = await SendAsync(HttpMethod.Get, $"/v1/organizations/?slug={slug}");
        var (_, other) = await SendAsync(HttpMethod.Get, "/v1/organizations/?slug=someone-else");

        Assert.Equal(1, (int)all["pagination"]!["total_count"]!);
        Assert.Single(bySlug!["items"]!.AsArray());
        Assert.Empty(other!["items"]!.AsArray());
        Assert.Equal(0, (int)other["pagination"]!["max_page"]!);
    }

    [Fact]
    public async Task An_organization_token_cannot_create_organizations()
    {
        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/organizations/", """{"name": "Another", "slug": "another"}""");

        Assert.Equal(400, status);
        Assert.Equal("""{"error":"UnsupportedSubjectType","detail":"This endpoint does not support Organization tokens."}""", body!.ToJsonString());
    }
}

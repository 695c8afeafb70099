using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Customers;

public sealed class MemberTests : EmulatorTest
{
    private async Task<(string CustomerId, string OwnerId)> CreateTeamAsync()
    {
        var (_, body) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"type":"team","email":"team@acme.test","external_id":"acme","owner":{"email":"boss@acme.test"}}""");
        var owner = ((MemberCreatedWebhookEvent)TakeWebhooks()[0]).Data;
        return (body!["id"]!.GetValue<string>(), owner.Id);
    }

    [Fact]
    public async Task A_member_is_added_to_a_team_and_found_by_id_and_external_id()
    {
        var (customerId, _) = await CreateTeamAsync();

        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/customers/{customerId}/members", """{"email":"dev@acme.test","name":"Dev","external_id":"u2"}""");

        Assert.Equal(201, status);
        Assert.Equal(("member", customerId), (body!["role"]!.GetValue<string>(), body["customer_id"]!.GetValue<string>()));
        AssertWebhooks("member.created");
        var id = body["id"]!.GetValue<string>();
        Assert.Equal(id, (await SendAsync(HttpMethod.Get, $"/v1/customers/{customerId}/members/{id}")).Body!["id"]!.GetValue<string>());
        Assert.Equal(id, (await SendAsync(HttpMethod.Get, "/v1/customers/external/acme/members/u2")).Body!["id"]!.GetValue<string>());
        Assert.Equal(404, (await SendAsync(HttpMethod.Get, $"/v1/customers/{customerId}/members/{Guid.NewGuid()}")).Status);
    }

    [Fact]
    public async Task Adding_an_existing_email_returns_that_member_without_a_webhook()
    {
        var (customerId, ownerId) = await CreateTeamAsync();

        var (status, body) = await SendAsync(HttpMethod.Post, "/v1/customers/external/acme/members", """{"email":"boss@acme.test"}""");

        Assert.Equal(201, status);
        Assert.Equal(ownerId, body!["id"]!.GetValue<string>());
        AssertWebhooks();
        Assert.Equal(404, (await SendAsync(HttpMethod.Post, $"/v1/customers/{Guid.NewGuid()}/members", """{"email":"x@acme.test"}""")).Status);
        _ = customerId;
    }

    [Fact]
    public async Task An_individual_customer_has_only_one_member()
    {
        var (_, customer) = await SendAsync(HttpMethod.Post, "/v1/customers/", """{"email":"ada@example.com"}""");
        var id = customer!["id"]!.GetValue<string>();

        Assert.Equal(201, (await SendAsync(HttpMethod.Post, $"/v1/customers/{id}/members", """{"email":"ada@example.com"}""")).Status);
        var (status, body) = await SendAsync(HttpMethod.Post, $"/v1/customers/{id}/members", """{"email":"other@example.com"}""");

        Assert.Equal(403, status);
        Assert.Equal("NotPermitted", body!["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Promoting_a_member_to_owner_demotes_the_old_owner_and_the_last_owner_stays()
    {
        var (customerId, ownerId) = await CreateTeamAsync();
        var (_, member) = await SendAsync(HttpMethod.Post, $"/v1/customers/{customerId}/members", """{"email":"dev@acme.test"}""");
        var memberId = member!["id"]!.GetValue<string>();
        TakeWebhooks();

        var (demote, demoteBody) = await SendAsync(HttpMethod.Patch, $"/v1/customers/{customerId}/members/{ownerId}", """{"role":"member"}""");
        var (promote, promoted) = await SendAsync(HttpMethod.Patch, $"/v1/customers/{customerId}/members/{memberId}", """{"role":"owner","name":"New boss"}""");

        Assert.Equal(422, demote);
        Assert.Equal("Cannot change role. Customer must have exactly one owner.", demoteBody!["detail"]![0]!["msg"]!.GetValue<string>());
        Assert.Equal(200, promote);
        Assert.Equal(("owner", "New boss"), (promoted!["role"]!.GetValue<string>(), promoted["name"]!.GetValue<string>()));
        AssertWebhooks("member.updated");
        var (_, oldOwner) = await SendAsync(HttpMethod.Get, $"/v1/customers/{customerId}/members/{ownerId}");
        Assert.Equal("billing_manager", oldOwner!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_only_owner_cannot_be_deleted_but_other_members_can()
    {
        var (customerId, ownerId) = await CreateTeamAsync();
        await SendAsync(HttpMethod.Post, $"/v1/customers/{customerId}/members", """{"email":"dev@acme.test","external_id":"u2"}""");
        TakeWebhooks();

        var (ownerStatus, ownerBody) = await SendAsync(HttpMethod.Delete, $"/v1/customers/{customerId}/members/{ownerId}");
        var (status, _) = await SendAsync(HttpMethod.Delete, "/v1/customers/external/acme/members/u2");

        Assert.Equal(422, ownerStatus);
        Assert.Equal("""["body"]""", ownerBody!["detail"]![0]!["loc"]!.ToJsonString());
        Assert.Equal(204, status);
        AssertWebhooks("member.deleted");
        Assert.Equal(404, (await SendAsync(HttpMethod.Delete, "/v1/customers/external/acme/members/u2")).Status);
    }

    [Fact]
    public async Task Members_are_listed_with_customer_and_role_filters()
    {
        var (customerId, ownerId) = await CreateTeamAsync();
        Clock.Advance(TimeSpan.FromSeconds(1));
        await SendAsync(HttpMethod.Post, $"/v1/customers/{customerId}/members", """{"email":"dev@acme.test","role":"billing_manager"}""");
        await SendAsync(HttpMethod.Post, "/v1/customers/", """{"type":"team","email":"other@corp.test"}""");

        var (_, all) = await SendAsync(HttpMethod.Get, "/v1/members/");
        var (_, ofAcme) = await SendAsync(HttpMethod.Get, "/v1/members/?external_customer_id=acme&sorting=created_at");
        var (_, managers) = await SendAsync(HttpMethod.Get, $"/v1/members/?customer_id={customerId}&role=billing_manager");
        var (badStatus, bad) = await SendAsync(HttpMethod.Get, "/v1/members/?customer_id=not-a-uuid");

        Assert.Equal(3, all!["pagination"]!["total_count"]!.GetValue<int>());
        Assert.Equal(ownerId, ofAcme!["items"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(2, ofAcme["items"]!.AsArray().Count);
        Assert.Equal("dev@acme.test", Assert.Single(managers!["items"]!.AsArray())!["email"]!.GetValue<string>());
        Assert.Equal(404, badStatus);
        Assert.Equal("Invalid customer ID format", bad!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Deleting_the_customer_deletes_its_members_first()
    {
        var (customerId, _) = await CreateTeamAsync();

        await SendAsync(HttpMethod.Delete, $"/v1/customers/{customerId}");

        AssertWebhooks("member.deleted", "customer.deleted", "customer.state_changed");
    }
}

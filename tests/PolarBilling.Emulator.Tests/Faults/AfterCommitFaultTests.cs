using PolarBilling.Client;
using PolarBilling.Emulator.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Emulator.Tests.Faults;

/// <summary>
/// A fault happens before the request's work, so a faulted write changes nothing; with <c>after_commit</c> the write is
/// carried out and only the answer is lost: the case a client must not blindly retry.
/// </summary>
public sealed class AfterCommitFaultTests : EmulatorTest
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_error_before_the_work_leaves_the_state_unchanged()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"POST /v1/customers/","action":"error","status":503,"count":1}""");

        await Assert.ThrowsAsync<PolarServerException>(() => Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Ct));

        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/customers/");
        Assert.Equal(0, (int)list!["pagination"]!["total_count"]!);
        Assert.Empty(TakeWebhooks());
    }

    [Fact]
    public async Task An_error_after_commit_answers_500_but_the_write_happened()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"customers:create","action":"error","status":500,"after_commit":true,"count":1}""");

        var error = await Assert.ThrowsAsync<PolarServerException>(() => Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Ct));

        Assert.Equal(500, (int)error.StatusCode);
        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/customers/");
        Assert.Equal("ada@example.com", (string?)list!["items"]![0]!["email"]);
        Assert.Contains("customer.created", TakeWebhooks().Select(e => e.Type));
    }

    [Fact]
    public async Task A_dropped_connection_after_commit_looks_like_a_lost_answer_but_the_write_happened()
    {
        await FaultControl.AddAsync(Http, """{"target":"api","route":"customers:create","action":"drop","after_commit":true,"count":1}""");

        await Assert.ThrowsAsync<PolarConnectionException>(() => Polar.Customers.CreateAsync(new CustomerIndividualCreate { Email = "ada@example.com" }, cancellationToken: Ct));

        var (_, list) = await SendAsync(HttpMethod.Get, "/v1/customers/");
        Assert.Equal(1, (int)list!["pagination"]!["total_count"]!);
        var log = await FaultControl.LogAsync(Http);
        Assert.True((bool)log.Single()["after_commit"]!);
    }
}

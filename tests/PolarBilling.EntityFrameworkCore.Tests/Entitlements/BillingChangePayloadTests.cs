using System.Text;
using Xunit;

namespace PolarBilling.EntityFrameworkCore.Tests.Entitlements;

public sealed class BillingChangePayloadTests
{
    [Fact]
    public void Ids_round_trip_even_with_commas_and_non_ascii()
    {
        var payloads = BillingChangePayload.Encode(["cus_1", "cus_2"], ["user,1", "üser 2"]).ToList();

        var (customers, users) = BillingChangePayload.Decode(Assert.Single(payloads), out var everything);

        Assert.False(everything);
        Assert.Equal(["cus_1", "cus_2"], customers);
        Assert.Equal(["user,1", "üser 2"], users);
    }

    [Fact]
    public void Many_ids_are_split_into_payloads_postgresql_accepts()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => $"{Guid.NewGuid()}").ToList();

        var payloads = BillingChangePayload.Encode(ids, []).ToList();

        Assert.True(payloads.Count > 1);
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000));
        Assert.Equal(ids, payloads.SelectMany(p => BillingChangePayload.Decode(p, out _).CustomerIds));
    }

    [Fact]
    public void An_id_too_long_to_send_asks_for_everything_to_be_dropped()
    {
        var payload = Assert.Single(BillingChangePayload.Encode([new string('x', 9000)], []));

        BillingChangePayload.Decode(payload, out var everything);

        Assert.True(everything);
    }
}

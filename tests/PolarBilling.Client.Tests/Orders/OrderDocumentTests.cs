using PolarBilling.Client.Tests.Infrastructure;
using Xunit;

namespace PolarBilling.Client.Tests.Orders;

/// <summary>Invoices are generated on request (202) and then read; receipts may still be rendering (202, no receipt yet).</summary>
public sealed class OrderDocumentTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Generate_invoice_posts_without_a_body_and_accepts_the_202()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/{id}/invoice").Always(LoopbackResponse.Json(202, "{}"));
        var client = server.CreateClient();

        await client.Orders.GenerateInvoiceAsync(OrderFixtures.PaidId, cancellationToken: Ct);

        var request = Assert.Single(server.Requests);
        Assert.Equal(("POST", $"/v1/orders/{OrderFixtures.PaidId}/invoice"), (request.Method, request.Path));
        Assert.Null(request.BodyText);
        server.AssertAllRequestsMatchSpec();
    }

    [Fact]
    public async Task Generate_invoice_without_billing_details_surfaces_the_422()
    {
        const string body = """{"error":"MissingInvoiceBillingDetails","detail":"Billing name and address are required to generate an invoice."}""";
        OpenApiSpec.AssertResponseValid("POST", $"/v1/orders/{OrderFixtures.PaidId}/invoice", 422, body);
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("POST", "/v1/orders/{id}/invoice").Always(LoopbackResponse.Json(422, body));
        var client = server.CreateClient();

        var ex = await Assert.ThrowsAsync<PolarValidationException>(() => client.Orders.GenerateInvoiceAsync(OrderFixtures.PaidId, cancellationToken: Ct));

        Assert.Equal("MissingInvoiceBillingDetails", ex.Error);
    }

    [Fact]
    public async Task Get_invoice_reads_the_presigned_url()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/orders/{id}/invoice").Always(LoopbackResponse.Json(200, OrderFixtures.Invoice));
        var client = server.CreateClient();

        var invoice = await client.Orders.GetInvoiceAsync(OrderFixtures.PaidId, cancellationToken: Ct);

        Assert.Equal(("GET", $"/v1/orders/{OrderFixtures.PaidId}/invoice"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.Equal("https://polar-public-files.s3.amazonaws.com/invoices/ACME-0042.pdf?X-Amz-Expires=3600&X-Amz-Signature=3f5a", invoice.Url);
    }

    [Fact]
    public async Task Get_receipt_reads_the_presigned_url_when_it_is_ready()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/orders/{id}/receipt").Always(LoopbackResponse.Json(200, OrderFixtures.Receipt));
        var client = server.CreateClient();

        var receipt = await client.Orders.GetReceiptAsync(OrderFixtures.PaidId, cancellationToken: Ct);

        Assert.Equal(("GET", $"/v1/orders/{OrderFixtures.PaidId}/receipt"), (server.Requests[0].Method, server.Requests[0].Path));
        server.AssertAllRequestsMatchSpec();
        Assert.NotNull(receipt);
        Assert.Contains("/receipts/ACME-R-0042.pdf", receipt.Url, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("empty")]
    [InlineData("json null")]
    public async Task Get_receipt_returns_null_while_Polar_is_still_generating_it(string body)
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/orders/{id}/receipt")
            .Once(body == "empty" ? LoopbackResponse.Empty(202) : LoopbackResponse.Json(202, "null"))
            .Always(LoopbackResponse.Json(200, OrderFixtures.Receipt));
        var client = server.CreateClient();

        var first = await client.Orders.GetReceiptAsync(OrderFixtures.PaidId, cancellationToken: Ct);
        var second = await client.Orders.GetReceiptAsync(OrderFixtures.PaidId, cancellationToken: Ct);

        Assert.Null(first);
        Assert.NotNull(second);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Get_receipt_of_an_unknown_order_still_throws_not_found()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/orders/{id}/receipt").Always(LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarNotFoundException>(() => client.Orders.GetReceiptAsync(OrderFixtures.PaidId, cancellationToken: Ct));
    }

    [Fact]
    public async Task Get_receipt_does_not_mistake_a_garbled_200_for_not_ready()
    {
        await using var server = await LoopbackPolarServer.StartAsync(Ct);
        server.On("GET", "/v1/orders/{id}/receipt").Always(LoopbackResponse.Json(200, """{"url": 42"""));
        var client = server.CreateClient();

        await Assert.ThrowsAsync<PolarException>(() => client.Orders.GetReceiptAsync(OrderFixtures.PaidId, cancellationToken: Ct));
    }
}

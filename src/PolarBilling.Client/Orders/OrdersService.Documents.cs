using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <content>Invoices and receipts: PDFs Polar renders in the background and hands out as presigned URLs.</content>
public sealed partial class OrdersService
{
    /// <summary>
    /// Asks Polar to render the order's invoice (202 Accepted; the PDF appears a little later, read it with
    /// <see cref="GetInvoiceAsync"/>). The order needs a billing name and address first (see <see cref="UpdateAsync"/>).
    /// <c>POST /v1/orders/{id}/invoice</c>; retried after transient failures (rendering twice is harmless).
    /// </summary>
    /// <param name="id">The order id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarApiException">409 <c>OrderNotEligibleForInvoice</c>: the order is not paid.</exception>
    /// <exception cref="PolarValidationException">422 <c>MissingInvoiceBillingDetails</c>: set the billing name and address first.</exception>
    /// <exception cref="PolarNotFoundException">No order has this id.</exception>
    public Task GenerateInvoiceAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.SendWithoutResultAsync(HttpMethod.Post, PathOf(id) + "/invoice", query: null, RetryMode.Safe, requestOptions, cancellationToken);

    /// <summary>
    /// Reads the URL of the order's invoice PDF (presigned, short-lived: fetch it now, do not store it).
    /// <c>GET /v1/orders/{id}/invoice</c>; retried (a read).
    /// </summary>
    /// <param name="id">The order id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No order has this id, or no invoice was generated yet (<see cref="Order.IsInvoiceGenerated"/>).</exception>
    public Task<OrderInvoice> GetInvoiceAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.GetAsync<OrderInvoice>(PathOf(id) + "/invoice", query: null, requestOptions, cancellationToken);

    /// <summary>
    /// Reads the URL of the order's receipt PDF (presigned, short-lived). <c>GET /v1/orders/{id}/receipt</c>; retried (a read).
    /// </summary>
    /// <param name="id">The order id.</param>
    /// <param name="requestOptions">Per-call overrides; <see langword="null"/> uses the client's options.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The receipt, or <see langword="null"/> when Polar answered 202: the receipt is still being generated (usually
    /// for a few seconds after payment); ask again later.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or empty.</exception>
    /// <exception cref="PolarNotFoundException">No order has this id.</exception>
    public Task<OrderReceipt?> GetReceiptAsync(string id, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default) =>
        Transport.GetOptionalAsync<OrderReceipt>(PathOf(id) + "/receipt", query: null, requestOptions, cancellationToken);
}

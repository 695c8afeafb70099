using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

// The client-secret calls: what Polar's own checkout page does. They send no access token, so they also work
// from code that must never hold one (an embedded checkout's backend-for-frontend, tests).
public sealed partial class CheckoutsService
{
    /// <summary>
    /// Reads a checkout session by its client secret (<c>GET /v1/checkouts/client/{client_secret}</c>) without an access
    /// token. Retried on transient failures.
    /// </summary>
    /// <param name="clientSecret">The session's client secret, <c>polar_c_…</c> (<see cref="Checkout.ClientSecret"/>).</param>
    /// <param name="requestOptions">Per-call timeout or API version; any access token in it is not sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The public view of the session, with its organization.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientSecret"/> is null, empty or white space.</exception>
    /// <exception cref="PolarNotFoundException">No session has that client secret.</exception>
    /// <exception cref="PolarApiException">410 <c>ExpiredCheckoutError</c>: the session expired.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<CheckoutPublic> GetByClientSecretAsync(
        string clientSecret, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        return Transport.GetAsync<CheckoutPublic>(ClientPathOf(clientSecret), null, requestOptions, cancellationToken, authenticated: false);
    }

    /// <summary>
    /// Changes a checkout session as the customer would (<c>PATCH /v1/checkouts/client/{client_secret}</c>): email, billing
    /// details, a discount code, the product. No access token is sent. Retried on transient failures.
    /// </summary>
    /// <param name="clientSecret">The session's client secret, <c>polar_c_…</c>.</param>
    /// <param name="body">The fields to change; unset fields are not sent.</param>
    /// <param name="requestOptions">Per-call timeout or API version; any access token in it is not sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The public view of the updated session.</returns>
    /// <exception cref="ArgumentException"><paramref name="clientSecret"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarPermissionException">403: the session is not open, or the change is not allowed.</exception>
    /// <exception cref="PolarApiException">410 <c>ExpiredCheckoutError</c>: the session expired.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<CheckoutPublic> UpdateByClientSecretAsync(
        string clientSecret, CheckoutUpdatePublic body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<CheckoutUpdatePublic, CheckoutPublic>(
            HttpMethod.Patch, ClientPathOf(clientSecret), body, RetryMode.Safe, requestOptions, cancellationToken, authenticated: false);
    }

    /// <summary>
    /// Confirms a checkout session, i.e. presses "pay" (<c>POST /v1/checkouts/client/{client_secret}/confirm</c>), without an
    /// access token. This charges the customer, and Polar has no idempotency keys, so it is retried only when Polar certainly
    /// did not act (a 429, or a connection that was never made). Polar rate-limits it to 6 calls a minute and 20 an hour per caller.
    /// </summary>
    /// <param name="clientSecret">The session's client secret, <c>polar_c_…</c>.</param>
    /// <param name="body">The final customer fields and, for a paid checkout, the Stripe <c>confirmation_token_id</c>.</param>
    /// <param name="requestOptions">Per-call timeout or API version; any access token in it is not sent.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>
    /// The confirmed session (status <c>confirmed</c>: payment is under way, not yet proven) and a customer session token
    /// for the portal.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="clientSecret"/> is null, empty or white space.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="body"/> is null.</exception>
    /// <exception cref="PolarApiException">400 <c>PaymentError</c> (the payment failed) or 410 <c>ExpiredCheckoutError</c>.</exception>
    /// <exception cref="PolarPermissionException">403: the session is not open or not ready for payment.</exception>
    /// <exception cref="PolarTimeoutException">No answer in time: the payment may still have happened; read the session before trying again.</exception>
    /// <exception cref="PolarException">Any other failure.</exception>
    public Task<CheckoutPublicConfirmed> ConfirmByClientSecretAsync(
        string clientSecret, CheckoutConfirmStripe body, PolarRequestOptions? requestOptions = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clientSecret);
        ArgumentNullException.ThrowIfNull(body);
        return Transport.SendAsync<CheckoutConfirmStripe, CheckoutPublicConfirmed>(
            HttpMethod.Post, ClientPathOf(clientSecret) + "/confirm", body, RetryMode.MoneyMoving, requestOptions, cancellationToken, authenticated: false);
    }

    private static string ClientPathOf(string clientSecret) => BasePath + "client/" + Uri.EscapeDataString(clientSecret);
}

namespace PolarBilling.Emulator.Checkouts;

/// <summary>Who changes a checkout: the fields each may set differ (Polar's <c>CheckoutUpdate</c> vs <c>CheckoutUpdatePublic</c>/<c>CheckoutConfirm</c>).</summary>
internal enum CheckoutCaller
{
    /// <summary>The merchant, with an access token (<c>checkouts:update</c>).</summary>
    Merchant,

    /// <summary>The customer on the checkout page, with the client secret (<c>checkouts:client_update</c>).</summary>
    Customer,

    /// <summary>The customer paying (<c>checkouts:client_confirm</c>, or the emulator's complete call).</summary>
    Confirm,
}

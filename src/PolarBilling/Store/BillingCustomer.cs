namespace PolarBilling.Store;

/// <summary>A Polar customer, linked to the app's user through Polar's <c>external_id</c> (table <c>billing_customers</c>).</summary>
public sealed class BillingCustomer : BillingRow
{
    /// <summary>The app's user id: Polar's <c>external_id</c>. Once set by Polar it never changes.</summary>
    public string? UserId { get; set; }

    /// <summary>The customer's email address.</summary>
    public string? Email { get; set; }

    /// <summary>The customer's name.</summary>
    public string? Name { get; set; }

    /// <summary>When the customer was deleted in Polar; the row stays so payment history keeps its owner.</summary>
    public DateTimeOffset? DeletedAt { get; set; }
}

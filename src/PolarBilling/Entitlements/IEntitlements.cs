namespace PolarBilling.Entitlements;

/// <summary>Entitlements of app users, read from the local projection through an in-memory cache (never from Polar).</summary>
public interface IEntitlements
{
    /// <summary>
    /// The user's entitlements. Completes synchronously, without allocating, when cached; otherwise reads the
    /// projection once and caches the result until the projector changes that user's billing rows or
    /// <see cref="UserEntitlements.AccessUntil"/> passes.
    /// </summary>
    /// <param name="userId">The app's user id (Polar <c>external_id</c>).</param>
    /// <param name="cancellationToken">Cancels the store read.</param>
    ValueTask<UserEntitlements> GetAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>Drops the cached entitlements of users whose Polar customer changed (called after the projector commits).</summary>
    /// <param name="customerIds">Polar customer ids.</param>
    void Invalidate(IEnumerable<string> customerIds);

    /// <summary>Drops the cached entitlements of these app users (Polar <c>external_id</c>s).</summary>
    /// <param name="userIds">App user ids.</param>
    void InvalidateUsers(IEnumerable<string> userIds);

    /// <summary>Drops every cached entry (e.g. after change notifications may have been missed).</summary>
    void InvalidateAll();
}

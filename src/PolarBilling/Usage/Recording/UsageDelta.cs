namespace PolarBilling.Usage.Recording;

/// <summary>Units of one meter recorded by one user since the last drain.</summary>
/// <param name="UserId">The app's user id.</param>
/// <param name="Meter">The meter key.</param>
/// <param name="Quantity">Units, more than zero.</param>
internal readonly record struct UsageDelta(string UserId, string Meter, long Quantity);

using System.Security.Claims;

namespace PolarBilling.AspNetCore.Identity;

/// <summary>
/// Maps the signed-in principal to a <see cref="BillingUser"/>. The default reads the id from
/// <see cref="ClaimTypes.NameIdentifier"/> or <c>sub</c>, the email from <see cref="ClaimTypes.Email"/> or
/// <c>email</c>, and the name from <see cref="ClaimTypes.Name"/> or <c>name</c>. Replace it with
/// <c>builder.ResolveUser(…)</c>.
/// </summary>
public interface IBillingUserResolver
{
    /// <summary>The billing user of <paramref name="principal"/>, or <see langword="null"/> when it carries no usable id.</summary>
    /// <param name="principal">The request's user.</param>
    BillingUser? Resolve(ClaimsPrincipal principal);
}

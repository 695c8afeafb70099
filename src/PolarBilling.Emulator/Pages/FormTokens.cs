using System.Security.Cryptography;
using System.Text;

namespace PolarBilling.Emulator.Pages;

/// <summary>
/// The hidden <c>csrf</c> field of every page form: an HMAC of the page's secret (the checkout client secret or the
/// customer session token) under a key drawn when the emulator process starts. A form posted from anywhere but a page
/// this emulator rendered lacks it, and the secret alone does not give it.
/// </summary>
internal static class FormTokens
{
    public const string FieldName = "csrf";

    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The token for forms of the page guarded by <paramref name="secret"/>.</summary>
    public static string For(string purpose, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Key, Encoding.UTF8.GetBytes(purpose + "\n" + secret))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Whether <paramref name="posted"/> is the token of that page (constant time).</summary>
    public static bool Matches(string purpose, string secret, string? posted) =>
        posted is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(For(purpose, secret)), Encoding.ASCII.GetBytes(posted));

    /// <summary>The hidden input carrying the token.</summary>
    public static string Field(string purpose, string secret) =>
        $"<input type=\"hidden\" name=\"{FieldName}\" value=\"{For(purpose, secret)}\">";
}

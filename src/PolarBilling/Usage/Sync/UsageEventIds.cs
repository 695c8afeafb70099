using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PolarBilling.Usage.Sync;

/// <summary>
/// The Polar <c>external_id</c> of a usage window: <c>pbu_</c> and 32 base64url characters of a SHA-256 over the user,
/// meter, window start and part. The same window always gets the same id, so Polar de-duplicates any resend.
/// </summary>
internal static class UsageEventIds
{
    /// <summary>The id of window part <paramref name="part"/> of (<paramref name="userId"/>, <paramref name="meter"/>, <paramref name="windowStart"/>).</summary>
    public static string For(string userId, string meter, DateTimeOffset windowStart, int part)
    {
        // Lengths first, so no user id or meter key can make two windows' inputs equal.
        var input = string.Create(CultureInfo.InvariantCulture, $"{userId.Length}:{userId}|{meter.Length}:{meter}|{windowStart.UtcTicks}|{part}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(input), hash);
        return "pbu_" + Base64Url.EncodeToString(hash)[..32];
    }
}

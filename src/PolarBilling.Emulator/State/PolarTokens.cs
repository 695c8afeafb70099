using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;

namespace PolarBilling.Emulator.State;

/// <summary>
/// Tokens and secrets in Polar's format (server <c>kit/crypto.py generate_token</c>): a prefix such as
/// <c>polar_oat_</c>, 37 random characters <c>[A-Za-z0-9]</c>, then the base62 CRC32 checksum of those, 6 characters.
/// </summary>
internal static class PolarTokens
{
    public const string OrganizationAccessToken = "polar_oat_";
    public const string CustomerSession = "polar_cst_";
    public const string CheckoutClientSecret = "polar_c_";

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Generate(string prefix)
    {
        var random = RandomNumberGenerator.GetString(Alphabet, 37);
        var checksum = Crc32.HashToUInt32(Encoding.ASCII.GetBytes(random));
        return prefix + random + Base62(checksum).PadLeft(6, '0');
    }

    /// <summary>A new UUIDv4 id, as Polar's ids are.</summary>
    /// <remarks>
    /// From the process's fast generator, not <see cref="Guid.NewGuid"/>: that reads the OS's random device with a
    /// system call per id here, and a year of renewals makes hundreds of thousands. Ids must be unique and UUID-shaped;
    /// nothing secret is an id (tokens and secrets come from <see cref="Generate"/> and the signer).
    /// </remarks>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes, bigEndian: true).ToString();
    }

    private static string Base62(uint value)
    {
        Span<char> digits = stackalloc char[8];
        var i = digits.Length;
        do
        {
            digits[--i] = Alphabet[(int)(value % 62)];
            value /= 62;
        }
        while (value > 0);
        return new string(digits[i..]);
    }
}

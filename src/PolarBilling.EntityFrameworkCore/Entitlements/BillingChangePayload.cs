using System.Text;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>
/// The <c>NOTIFY</c> payload: comma-separated items, <c>c</c> + customer id or <c>u</c> + user id, each
/// percent-encoded (so ASCII, and commas in ids are safe), or <c>*</c> for "drop everything". PostgreSQL limits a
/// payload to 8000 bytes, so changes are split into chunks below that.
/// </summary>
internal static class BillingChangePayload
{
    /// <summary>The channel PolarBilling notifies and listens on.</summary>
    public const string Channel = "polar_billing_changed";

    /// <summary>Largest chunk in bytes (ASCII), well under PostgreSQL's 8000.</summary>
    public const int MaxChunk = 7000;

    /// <summary>Splits changes into payloads of at most <see cref="MaxChunk"/> bytes.</summary>
    public static IEnumerable<string> Encode(IEnumerable<string> customerIds, IEnumerable<string> userIds)
    {
        var chunk = new StringBuilder();
        foreach (var item in customerIds.Select(id => "c" + Uri.EscapeDataString(id)).Concat(userIds.Select(id => "u" + Uri.EscapeDataString(id))))
        {
            // An id too long to send: ask every instance to drop everything instead of failing the commit.
            var text = item.Length > MaxChunk ? "*" : item;
            if (chunk.Length > 0 && chunk.Length + 1 + text.Length > MaxChunk)
            {
                yield return chunk.ToString();
                chunk.Clear();
            }

            chunk.Append(chunk.Length > 0 ? "," : string.Empty).Append(text);
        }

        if (chunk.Length > 0)
        {
            yield return chunk.ToString();
        }
    }

    /// <summary>Reads a payload; <paramref name="everything"/> when it asks to drop everything (or is not understood).</summary>
    public static (List<string> CustomerIds, List<string> UserIds) Decode(string payload, out bool everything)
    {
        everything = false;
        var customers = new List<string>();
        var users = new List<string>();
        foreach (var item in payload.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            switch (item[0])
            {
                case 'c' when item.Length > 1:
                    customers.Add(Uri.UnescapeDataString(item[1..]));
                    break;
                case 'u' when item.Length > 1:
                    users.Add(Uri.UnescapeDataString(item[1..]));
                    break;
                default:
                    everything = true;
                    break;
            }
        }

        return (customers, users);
    }
}

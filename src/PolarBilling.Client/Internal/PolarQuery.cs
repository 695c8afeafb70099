using System.Globalization;
using System.Text;

namespace PolarBilling.Client.Internal;

/// <summary>Builds a query string the way Polar reads it: repeated keys for arrays, <c>metadata[key]=value</c> for metadata.</summary>
internal sealed class PolarQuery
{
    private readonly List<KeyValuePair<string, string>> _pairs = [];

    public bool IsEmpty => _pairs.Count == 0;

    public PolarQuery Add(string name, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new(name, value));
        }

        return this;
    }

    public PolarQuery Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public PolarQuery Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    public PolarQuery Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    public PolarQuery Add(string name, DateTimeOffset? value) =>
        Add(name, value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));

    public PolarQuery Add<TEnum>(string name, TEnum? value) where TEnum : struct, IPolarEnum<TEnum> => Add(name, value?.Value);

    public PolarQuery Add(string name, IEnumerable<string>? values)
    {
        foreach (var value in values ?? [])
        {
            Add(name, value);
        }

        return this;
    }

    public PolarQuery Add<TEnum>(string name, IEnumerable<TEnum>? values) where TEnum : struct, IPolarEnum<TEnum> =>
        Add(name, values?.Select(v => v.Value));

    /// <summary>Adds <c>metadata[key]=value</c> pairs (OpenAPI deepObject style).</summary>
    public PolarQuery AddMetadata(IEnumerable<KeyValuePair<string, MetadataValue>>? metadata)
    {
        foreach (var (key, value) in metadata ?? [])
        {
            Add($"metadata[{key}]", value.ToString());
        }

        return this;
    }

    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            builder.Append(builder.Length == 0 ? '?' : '&')
                .Append(Uri.EscapeDataString(key))
                .Append('=')
                .Append(Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }
}

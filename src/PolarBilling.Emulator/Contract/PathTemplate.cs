namespace PolarBilling.Emulator.Contract;

/// <summary>
/// An OpenAPI-style path template such as <c>/v1/subscriptions/{id}</c>: each <c>{name}</c> matches one non-empty
/// segment, everything else literally. A trailing <c>/</c> is significant, as it is for Polar's FastAPI routes
/// (<c>/v1/products/</c> lists, <c>/v1/products</c> would be redirected).
/// </summary>
internal sealed class PathTemplate
{
    private readonly string[] _segments;

    public PathTemplate(string template)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        Template = template.StartsWith('/') ? template : "/" + template;
        _segments = Template.Split('/');
        LiteralSegments = _segments.Count(segment => !IsParameter(segment));
    }

    /// <summary>The template text, always starting with <c>/</c>.</summary>
    public string Template { get; }

    /// <summary>How many segments match literally; more means more specific (<c>/customers/external/{id}</c> beats <c>/customers/{id}/state</c>).</summary>
    public int LiteralSegments { get; }

    /// <summary>Whether a concrete path (no query string) fits this template.</summary>
    public bool Matches(string path)
    {
        var segments = Normalize(path).Split('/');
        if (segments.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < segments.Length; i++)
        {
            var fits = IsParameter(_segments[i])
                ? segments[i].Length > 0
                : string.Equals(segments[i], _segments[i], StringComparison.Ordinal);
            if (!fits)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The path with a leading <c>/</c> and without any query string.</summary>
    public static string Normalize(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query >= 0 ? path[..query] : path;
        return bare.StartsWith('/') ? bare : "/" + bare;
    }

    public override string ToString() => Template;

    private static bool IsParameter(string segment) => segment.Length > 2 && segment[0] == '{' && segment[^1] == '}';
}

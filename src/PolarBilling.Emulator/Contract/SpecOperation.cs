using System.Text.Json.Nodes;

namespace PolarBilling.Emulator.Contract;

/// <summary>One operation of the vendored Polar spec, such as <c>PATCH /v1/subscriptions/{id}</c>.</summary>
internal sealed class SpecOperation
{
    private readonly JsonObject _node;

    public SpecOperation(string method, PathTemplate path, JsonObject node)
    {
        Method = method;
        Path = path;
        _node = node;
        OperationId = node["operationId"]?.GetValue<string>() ?? $"{method} {path}";
        var parameters = node["parameters"]?.AsArray().OfType<JsonObject>().ToList() ?? [];
        QueryParameters = parameters
            .Where(p => (string?)p["in"] == "query")
            .ToDictionary(p => (string)p["name"]!, p => (string?)p["style"] == "deepObject", StringComparer.Ordinal);
        RequestBody = node["requestBody"] as JsonObject;
        // Only operations an organization token can call are authenticated here. The others take anonymous callers
        // (the checkout client's confirm lists only {"oidc": []}, {"pat": []}) or only users (organizations:create),
        // and their handlers give Polar's answer.
        var requirements = (node["security"] as JsonArray)?.OfType<JsonObject>().SelectMany(s => s).ToList() ?? [];
        Security = requirements.Exists(r => r.Key == "oat")
            ? [.. requirements.Where(s => s.Key == "oat").SelectMany(s => s.Value?.AsArray() ?? []).Select(v => (string)v!).Distinct()]
            : null;
    }

    /// <summary>
    /// The scopes an organization access token may hold to call this operation (any one suffices), or
    /// <see langword="null"/> when no organization token is involved (anonymous or user-only operations): the
    /// handler answers those as Polar does.
    /// </summary>
    public IReadOnlyList<string>? Security { get; }

    /// <summary>Upper-case HTTP method.</summary>
    public string Method { get; }

    public PathTemplate Path { get; }

    /// <summary>The spec's <c>operationId</c>, e.g. <c>subscriptions:update</c>.</summary>
    public string OperationId { get; }

    /// <summary>Declared query parameter names; the value says whether it is a deepObject (<c>metadata[key]=value</c>).</summary>
    public IReadOnlyDictionary<string, bool> QueryParameters { get; }

    /// <summary>The <c>requestBody</c> object, or <see langword="null"/> when the operation takes no body.</summary>
    public JsonObject? RequestBody { get; }

    public bool RequestBodyRequired => RequestBody?["required"]?.GetValue<bool>() == true;

    /// <summary>The content types the request body may have, e.g. <c>application/json</c>.</summary>
    public IEnumerable<string> RequestContentTypes => (RequestBody?["content"] as JsonObject)?.Select(p => p.Key) ?? [];

    /// <summary>The documented response statuses, e.g. <c>200</c>, <c>404</c>, <c>422</c>.</summary>
    public IEnumerable<string> ResponseStatuses => (_node["responses"] as JsonObject)?.Select(p => p.Key) ?? [];

    /// <summary>The JSON schema of the request body, if the operation takes JSON.</summary>
    public JsonNode? RequestSchema => RequestBody?["content"]?["application/json"]?["schema"];

    /// <summary>The JSON schema of the response with this status, if documented as JSON.</summary>
    public JsonNode? ResponseSchema(int status) => _node["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]?["content"]?["application/json"]?["schema"];

    /// <summary>Whether <paramref name="name"/> (as sent in a query string) is a declared query parameter.</summary>
    public bool DeclaresQueryParameter(string name)
    {
        var bracket = name.IndexOf('[', StringComparison.Ordinal);
        return bracket > 0
            ? QueryParameters.TryGetValue(name[..bracket], out var deep) && deep
            : QueryParameters.ContainsKey(name);
    }

    public override string ToString() => $"{Method} {Path} ({OperationId})";
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolarBilling.Emulator.Contract;

/// <summary>
/// Validates JSON against the vendored Polar contract, <c>spec/polar-openapi.json</c>: a component schema by name,
/// an operation's request or response body found by method and concrete path, or a webhook payload. Loaded once,
/// safe to call from parallel tests. Results list the most useful errors first (see <see cref="SpecValidationResult"/>).
/// </summary>
/// <example>
/// <code>
/// PolarContract.Validate("Product", productJson);
/// PolarContract.ValidateRequest("PATCH", "/v1/subscriptions/3f9c…", body);       // matches /v1/subscriptions/{id}
/// PolarContract.ValidateResponse("GET", "/v1/products/", 200, listJson);
/// PolarContract.ValidateWebhook("subscription.updated", payload);
/// </code>
/// </example>
internal static class PolarContract
{
    private static OpenApiSpecDocument Spec => OpenApiSpecDocument.Shared;

    /// <summary>The spec's <c>info.version</c>, e.g. <c>2026-04</c>.</summary>
    public static string Version => Spec.Version;

    /// <summary>Validates <paramref name="json"/> against <c>components.schemas[<paramref name="schemaName"/>]</c>.</summary>
    public static SpecValidationResult Validate(string schemaName, string json)
    {
        var subject = $"schema {schemaName}";
        if (!Spec.SchemaNames.Contains(schemaName))
        {
            var near = Spec.SchemaNames.Where(n => n.Contains(schemaName, StringComparison.OrdinalIgnoreCase)).Order().Take(8);
            return SpecValidationResult.Problem(subject, json, $"The spec has no component schema '{schemaName}'. Similar: {string.Join(", ", near)}.");
        }

        return Evaluate(subject, json, () => Spec.ComponentSchema(schemaName));
    }


    /// <summary>The operation <paramref name="method"/> <paramref name="path"/> calls, e.g. <c>PATCH /v1/subscriptions/3f…</c> finds <c>/v1/subscriptions/{id}</c>.</summary>
    /// <returns>The most specific match (most literal segments), or <see langword="null"/>.</returns>
    public static SpecOperation? FindOperation(string method, string path)
    {
        var bare = PathTemplate.Normalize(path);
        return Spec.Operations
            .Where(op => string.Equals(op.Method, method, StringComparison.OrdinalIgnoreCase) && op.Path.Matches(bare))
            .MaxBy(op => op.Path.LiteralSegments);
    }

    /// <summary>The operation with this <c>operationId</c>, e.g. <c>products:list</c>.</summary>
    /// <exception cref="KeyNotFoundException">The spec has no such operation.</exception>
    public static SpecOperation Operation(string operationId) =>
        Spec.OperationsById.TryGetValue(operationId, out var operation) ? operation
            : throw new KeyNotFoundException($"The Polar spec has no operation '{operationId}'.");

    /// <summary>A keyword's value in the spec schema an error points at, e.g. the <c>enum</c> list of <c>ProductVisibility</c>.</summary>
    public static JsonNode? SchemaKeyword(SpecError error, string keyword) =>
        error.SchemaLocation.StartsWith('(') ? null
            : Spec.ComponentNode(error.SchemaLocation.EndsWith("/" + keyword, StringComparison.Ordinal) ? error.SchemaLocation : error.SchemaLocation + "/" + keyword);

    /// <summary>Every scope some operation accepts from an organization access token.</summary>
    public static IReadOnlySet<string> Scopes => Spec.Operations.SelectMany(op => op.Security ?? []).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether the spec has any operation on this concrete path, whatever the method.</summary>
    public static bool FindAnyMethod(string path)
    {
        var bare = PathTemplate.Normalize(path);
        return Spec.Operations.Any(op => op.Path.Matches(bare));
    }

    /// <summary>Validates an already-parsed JSON body against the operation's request schema (the operation must take JSON).</summary>
    public static IReadOnlyList<SpecError> ValidateRequestBody(SpecOperation operation, JsonElement body)
    {
        var schema = operation.RequestSchema ?? throw new InvalidOperationException($"{operation} takes no JSON body.");
        var results = Spec.Evaluate(Spec.InlineSchema($"request:{operation}", schema), body);
        return results.IsValid ? [] : SpecErrorCollector.Collect(results, body);
    }

    /// <summary>Validates a request body against the operation's <c>application/json</c> request schema.</summary>
    /// <param name="method">The HTTP method.</param>
    /// <param name="path">The concrete path, such as <c>/v1/subscriptions/3f…</c>.</param>
    /// <param name="json">The body; <see langword="null"/> or empty when none was sent.</param>
    public static SpecValidationResult ValidateRequest(string method, string path, string? json)
    {
        var subject = $"request body of {method.ToUpperInvariant()} {PathTemplate.Normalize(path)}";
        if (FindOperation(method, path) is not { } operation)
        {
            return SpecValidationResult.Problem(subject, json, NoOperation(method, path));
        }

        subject += $" ({operation.OperationId})";
        var hasBody = !string.IsNullOrEmpty(json);
        if (operation.RequestSchema is not { } schema)
        {
            var accepted = string.Join(", ", operation.RequestContentTypes);
            return !hasBody ? new SpecValidationResult(subject, json, [])
                : SpecValidationResult.Problem(subject, json, accepted.Length == 0
                    ? $"{operation} takes no request body, but one was sent."
                    : $"{operation} takes {accepted}, not JSON.");
        }

        return hasBody ? Evaluate(subject, json!, () => Spec.InlineSchema($"request:{operation}", schema))
            : operation.RequestBodyRequired ? SpecValidationResult.Problem(subject, json, $"{operation} requires a JSON body; none was sent.")
            : new SpecValidationResult(subject, json, []);
    }


    /// <summary>Validates a response body against the operation's JSON schema for <paramref name="status"/> (200, 201, 202, or a documented error status).</summary>
    public static SpecValidationResult ValidateResponse(string method, string path, int status, string json)
    {
        var subject = $"{status} response of {method.ToUpperInvariant()} {PathTemplate.Normalize(path)}";
        if (FindOperation(method, path) is not { } operation)
        {
            return SpecValidationResult.Problem(subject, json, NoOperation(method, path));
        }

        subject += $" ({operation.OperationId})";
        return operation.ResponseSchema(status) is { } schema
            ? Evaluate(subject, json, () => Spec.InlineSchema($"response:{status}:{operation}", schema))
            : SpecValidationResult.Problem(subject, json,
                $"{operation} documents no JSON response for {status}; documented: {string.Join(", ", operation.ResponseStatuses)}.");
    }


    /// <summary>Validates a webhook payload against <c>webhooks["<paramref name="eventType"/>"].post.requestBody</c>.</summary>
    public static SpecValidationResult ValidateWebhook(string eventType, string json)
    {
        var subject = $"webhook payload {eventType}";
        return Spec.WebhookSchema(eventType) is { } schema
            ? Evaluate(subject, json, () => Spec.InlineSchema($"webhook:{eventType}", schema))
            : SpecValidationResult.Problem(subject, json, $"The spec has no webhook '{eventType}'. Known: {string.Join(", ", Spec.WebhookEvents)}.");
    }


    private static SpecValidationResult Evaluate(string subject, string json, Func<Json.Schema.JsonSchema> schema)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return SpecValidationResult.Problem(subject, json, $"Not JSON: {ex.Message}");
        }

        using (document)
        {
            var results = Spec.Evaluate(schema(), document.RootElement);
            return new SpecValidationResult(subject, json, results.IsValid ? [] : SpecErrorCollector.Collect(results, document.RootElement));
        }
    }

    private static string NoOperation(string method, string path)
    {
        var bare = PathTemplate.Normalize(path);
        var samePath = Spec.Operations.Where(op => op.Path.Matches(bare)).Select(op => op.Method).ToList();
        var slash = bare.EndsWith('/') ? bare.TrimEnd('/') : bare + "/";
        var hint = samePath.Count > 0 ? $" The path exists for {string.Join(", ", samePath)}."
            : Spec.Operations.Any(op => op.Path.Matches(slash)) ? $" Did you mean {slash}? (Polar's trailing slash matters.)"
            : string.Empty;
        return $"The spec has no operation {method.ToUpperInvariant()} {bare}.{hint}";
    }

}

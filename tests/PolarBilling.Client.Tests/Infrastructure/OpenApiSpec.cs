using System.Text.Json;

namespace PolarBilling.Client.Tests.Infrastructure;

/// <summary>
/// Validates JSON against the vendored Polar contract, <c>spec/polar-openapi.json</c>: a component schema by name,
/// an operation's request or response body found by method and concrete path, or a webhook payload. Loaded once,
/// safe to call from parallel tests. Failures print the most useful errors first (see <see cref="SpecValidationResult"/>).
/// </summary>
/// <example>
/// <code>
/// OpenApiSpec.AssertValid("Product", productJson);
/// OpenApiSpec.AssertRequestValid("PATCH", "/v1/subscriptions/3f9c…", body);       // matches /v1/subscriptions/{id}
/// OpenApiSpec.AssertResponseValid("GET", "/v1/products/", 200, listJson);
/// OpenApiSpec.AssertWebhookValid("subscription.updated", payload);
/// </code>
/// </example>
internal static class OpenApiSpec
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

    /// <summary>Fails the test unless <paramref name="json"/> is a valid <paramref name="schemaName"/>.</summary>
    public static void AssertValid(string schemaName, string json) => Assert(Validate(schemaName, json));

    /// <summary>The operation <paramref name="method"/> <paramref name="path"/> calls, e.g. <c>PATCH /v1/subscriptions/3f…</c> finds <c>/v1/subscriptions/{id}</c>.</summary>
    /// <returns>The most specific match (most literal segments), or <see langword="null"/>.</returns>
    public static SpecOperation? FindOperation(string method, string path)
    {
        var bare = PathTemplate.Normalize(path);
        return Spec.Operations
            .Where(op => string.Equals(op.Method, method, StringComparison.OrdinalIgnoreCase) && op.Path.Matches(bare))
            .MaxBy(op => op.Path.LiteralSegments);
    }

    /// <summary>Validates a request body against the operation's <c>application/json</c> request schema.</summary>
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

    /// <summary>Fails the test unless <paramref name="json"/> is a valid request body for the call.</summary>
    public static void AssertRequestValid(string method, string path, string? json) => Assert(ValidateRequest(method, path, json));

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

    /// <summary>Fails the test unless <paramref name="json"/> is a valid <paramref name="status"/> answer to the call.</summary>
    public static void AssertResponseValid(string method, string path, int status, string json) =>
        Assert(ValidateResponse(method, path, status, json));

    /// <summary>Validates a webhook payload against <c>webhooks["<paramref name="eventType"/>"].post.requestBody</c>.</summary>
    public static SpecValidationResult ValidateWebhook(string eventType, string json)
    {
        var subject = $"webhook payload {eventType}";
        return Spec.WebhookSchema(eventType) is { } schema
            ? Evaluate(subject, json, () => Spec.InlineSchema($"webhook:{eventType}", schema))
            : SpecValidationResult.Problem(subject, json, $"The spec has no webhook '{eventType}'. Known: {string.Join(", ", Spec.WebhookEvents)}.");
    }

    /// <summary>Fails the test unless <paramref name="json"/> is a valid payload of <paramref name="eventType"/>.</summary>
    public static void AssertWebhookValid(string eventType, string json) => Assert(ValidateWebhook(eventType, json));

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

    private static void Assert(SpecValidationResult result)
    {
        if (!result.IsValid)
        {
            Xunit.Assert.Fail(result.ToString());
        }
    }
}

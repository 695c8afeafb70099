using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PolarBilling.Emulator.Contract;

/// <summary>
/// The vendored spec loaded once: its components registered as one JSON Schema 2020-12 document (OpenAPI-only
/// keywords stripped, as SPEC-NOTES.md says JsonSchema.Net 8 needs), its operations indexed, and every schema built
/// on first use and cached.
/// </summary>
internal sealed class OpenApiSpecDocument
{
    public const string BaseUri = "https://polar-billing.test/polar-openapi.json";

    private static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    private readonly JsonObject _spec;
    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    // JsonSchema.Net does not document its registry or evaluation as thread-safe, and xunit runs classes in
    // parallel: one lock costs microseconds and rules out flaky validation.
    private readonly Lock _gate = new();

    public OpenApiSpecDocument(Stream json, string source)
    {
        _spec = JsonNode.Parse(json)?.AsObject() ?? throw new InvalidOperationException($"{source} is not a JSON object.");
        Version = (string?)_spec["info"]?["version"] ?? "unknown";
        SchemaNames = (_spec["components"]?["schemas"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
        Operations = [.. IndexOperations(_spec)];
        OperationsById = Operations.GroupBy(op => op.OperationId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };

        var components = _spec["components"]!.DeepClone();
        StripOpenApiKeywords(components);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = BaseUri,
            ["components"] = components,
        };
        JsonSchema.Build(JsonSerializer.SerializeToElement(root), _build);
    }

    /// <summary>The shared instance over <c>spec/polar-openapi.json</c>, embedded in this assembly.</summary>
    public static OpenApiSpecDocument Shared => LazyShared.Value;

    private static Lazy<OpenApiSpecDocument> LazyShared { get; } = new(LoadEmbedded);

    private static OpenApiSpecDocument LoadEmbedded()
    {
        const string Name = "PolarBilling.Emulator.polar-openapi.json";
        using var stream = typeof(OpenApiSpecDocument).Assembly.GetManifestResourceStream(Name)
            ?? throw new InvalidOperationException($"The embedded Polar spec '{Name}' is missing from the emulator assembly.");
        return new OpenApiSpecDocument(stream, Name);
    }

    /// <summary>The spec's <c>info.version</c>.</summary>
    public string Version { get; }

    public IReadOnlySet<string> SchemaNames { get; }

    public IReadOnlyList<SpecOperation> Operations { get; }

    /// <summary>Operations by <c>operationId</c>.</summary>
    public IReadOnlyDictionary<string, SpecOperation> OperationsById { get; }

    /// <summary>The <c>webhooks</c> entries, e.g. <c>subscription.updated</c>.</summary>
    public IEnumerable<string> WebhookEvents => (_spec["webhooks"] as JsonObject)?.Select(p => p.Key) ?? [];

    public JsonNode? WebhookSchema(string eventType) =>
        _spec["webhooks"]?[eventType]?["post"]?["requestBody"]?["content"]?["application/json"]?["schema"];

    /// <summary>
    /// The spec node at a component-relative location such as <c>ProductVisibility/enum</c> (as
    /// <see cref="SpecError.SchemaLocation"/> names them), or <see langword="null"/> for inline or unknown locations.
    /// </summary>
    public JsonNode? ComponentNode(string location)
    {
        JsonNode? node = _spec["components"]?["schemas"];
        foreach (var segment in location.Split('/'))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node switch
            {
                JsonObject obj => obj[name],
                JsonArray array when int.TryParse(name, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < array.Count => array[index],
                _ => null,
            };
        }

        return node;
    }

    /// <summary>The schema <c>{"$ref": "&lt;base&gt;#/components/schemas/&lt;name&gt;"}</c>.</summary>
    public JsonSchema ComponentSchema(string name) =>
        Schema("component:" + name, new JsonObject { ["$ref"] = $"{BaseUri}#/components/schemas/{name}" });

    /// <summary>An inline schema from the spec (an operation's or a webhook's), its local <c>$ref</c>s made absolute.</summary>
    public JsonSchema InlineSchema(string key, JsonNode schema) => Schema(key, schema);

    public EvaluationResults Evaluate(JsonSchema schema, JsonElement instance)
    {
        lock (_gate)
        {
            return schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        }
    }

    private JsonSchema Schema(string key, JsonNode schema)
    {
        if (_schemas.TryGetValue(key, out var built))
        {
            return built;
        }

        var copy = schema.DeepClone();
        StripOpenApiKeywords(copy);
        AbsolutizeReferences(copy);
        var root = copy as JsonObject ?? new JsonObject { ["allOf"] = new JsonArray(copy) };
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        lock (_gate)
        {
            return _schemas.GetOrAdd(key, _ => JsonSchema.Build(JsonSerializer.SerializeToElement(root), _build));
        }
    }

    private static IEnumerable<SpecOperation> IndexOperations(JsonObject spec)
    {
        foreach (var (path, item) in spec["paths"]?.AsObject() ?? [])
        {
            var template = new PathTemplate(path);
            foreach (var method in Methods)
            {
                if (item?[method] is JsonObject operation)
                {
                    yield return new SpecOperation(method.ToUpperInvariant(), template, operation);
                }
            }
        }
    }

    /// <summary>
    /// Removes <c>discriminator</c>, <c>xml</c>, <c>externalDocs</c>, <c>example</c> and <c>x-*</c>, which JsonSchema.Net 8
    /// rejects; keys of name maps (<c>properties</c>, <c>schemas</c>, ...) are field names, not keywords, and stay.
    /// Also checks <c>oneOf</c> as <c>anyOf</c> and drops the <c>uri</c> format, to match what Polar's server enforces.
    /// </summary>
    private static void StripOpenApiKeywords(JsonNode? node, bool isNameMap = false)
    {
        if (node is JsonObject obj)
        {
            if (!isNameMap)
            {
                foreach (var key in obj.Select(p => p.Key).Where(IsOpenApiOnly).ToList())
                {
                    obj.Remove(key);
                }

                // Polar's server validates unions in pydantic's smart/tagged mode, not exclusively: its own payloads
                // match two branches of some oneOf (a repeating discount also fits the once/forever member; a legacy
                // recurring price fits ProductPrice). Checking them as anyOf is what Polar actually enforces.
                if (obj["oneOf"] is { } oneOf)
                {
                    obj.Remove("oneOf");
                    obj["anyOf"] = oneOf;
                }

                // URLs are checked by pydantic, which accepts what RFC 3986 does not, such as the {CHECKOUT_ID}
                // placeholder Polar documents for success_url; a strict "uri" format would reject valid requests.
                if (obj["format"] is JsonValue format && format.GetValueKind() == JsonValueKind.String && format.GetValue<string>() == "uri")
                {
                    obj.Remove("format");
                }
            }

            foreach (var (key, child) in obj)
            {
                StripOpenApiKeywords(child, !isNameMap && key is "properties" or "patternProperties" or "$defs" or "schemas");
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                StripOpenApiKeywords(child);
            }
        }
    }

    private static bool IsOpenApiOnly(string key) =>
        key is "discriminator" or "xml" or "externalDocs" or "example" || key.StartsWith("x-", StringComparison.Ordinal);

    private static void AbsolutizeReferences(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            if (obj["$ref"] is JsonValue reference && reference.GetValue<string>() is { } target && target.StartsWith('#'))
            {
                obj["$ref"] = BaseUri + target;
            }

            foreach (var (_, child) in obj)
            {
                AbsolutizeReferences(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                AbsolutizeReferences(child);
            }
        }
    }
}

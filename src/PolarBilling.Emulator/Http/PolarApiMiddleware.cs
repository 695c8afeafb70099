using System.Text.Json;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Contract;
using PolarBilling.Emulator.Faults;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// Polar's request pipeline in front of every <c>/v1/</c> route, in Polar's order: <c>Polar-Version</c> (unknown →
/// 404, always echoed), then the caller's identity and rate limit, then authentication and scopes of the operation,
/// then the body against the operation's schema (422 as Polar's). Also turns <see cref="EmulatorProblem"/>s thrown by
/// handlers into Polar's error bodies, and answers paths no route serves as FastAPI does.
/// </summary>
internal sealed class PolarApiMiddleware
{
    private const string VersionHeader = "Polar-Version";

    /// <summary>FastAPI's name for every request it rejects before the handler: bad JSON, a missing or invalid body.</summary>
    private const string RequestValidationError = "RequestValidationError";

    private readonly RequestDelegate _next;
    private readonly EmulatorState _state;
    private readonly RateLimiter _rateLimiter;
    private readonly ApiFaultInjector _faults;
    private readonly ILogger<PolarApiMiddleware> _logger;

    public PolarApiMiddleware(RequestDelegate next, EmulatorState state, RateLimiter rateLimiter, ApiFaultInjector faults, ILogger<PolarApiMiddleware> logger)
    {
        _next = next;
        _state = state;
        _rateLimiter = rateLimiter;
        _faults = faults;
        _logger = logger;
    }

    /// <summary>Injected faults (<c>/emulator/faults</c>) come first, before Polar's own checks, as a network or outage would.</summary>
    public Task InvokeAsync(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal) ? _faults.InvokeAsync(context, ServeAsync) : ServeAsync(context);

    private async Task ServeAsync(HttpContext context)
    {
        var isApi = context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal);
        try
        {
            if (isApi)
            {
                await PrepareAsync(context);
            }

            await _next(context);
            if (isApi && !context.Response.HasStarted
                && ((context.Response.StatusCode == 404 && context.GetEndpoint() is null) || context.Response.StatusCode == 405))
            {
                throw Unrouted(context);
            }
        }
        catch (EmulatorProblem problem) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, problem);
        }
        catch (JsonException ex) when (!context.Response.HasStarted)
        {
            // A body the schema allowed but the model could not read: report it like pydantic would.
            await WriteAsync(context, Problems.Validation(ValidationIssue.Body("value_error", $"Value error, {ex.Message}", null)));
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            Log.Unhandled(_logger, ex, context.Request.Method, context.Request.Path);
            await WriteAsync(context, Problems.Error(500, "InternalServerError", $"The emulator failed: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    private async Task PrepareAsync(HttpContext context)
    {
        var version = context.Request.Headers[VersionHeader].ToString();
        if (version.Length == 0)
        {
            version = _state.Options.DefaultApiVersion;
        }
        else if (!_state.Options.SupportedApiVersions.Contains(version))
        {
            // Polar's versioning middleware answers an unknown version as an unknown route.
            throw Problems.RouteNotFound();
        }

        RequestContext.SetApiVersion(context, version);
        context.Response.Headers[VersionHeader] = version;

        var token = BearerToken(context);
        var authenticated = token is not null && _state.Tokens.Find(token) is not null;
        _rateLimiter.Count(authenticated ? "organization:" + _state.Organization.Id : "ip:" + context.Connection.RemoteIpAddress);

        if (context.GetEndpoint()?.Metadata.GetMetadata<PolarOperation>() is not { } operation)
        {
            return;
        }

        if (operation.Spec.Security is { } scopes)
        {
            if (token is null)
            {
                throw Problems.MissingToken();
            }

            var granted = _state.Tokens.Find(token) ?? throw Problems.InvalidToken();
            if (!scopes.Any(granted.Contains))
            {
                throw Problems.InsufficientScope(scopes);
            }
        }

        if (operation.Spec.RequestSchema is not null)
        {
            await ReadBodyAsync(context, operation.Spec, context.GetEndpoint()?.Metadata.GetMetadata<BodyCoercion>());
        }
    }

    private static async Task ReadBodyAsync(HttpContext context, SpecOperation operation, BodyCoercion? coercion)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        if (buffer.Length == 0)
        {
            if (operation.RequestBodyRequired)
            {
                throw Problems.Validation([RequestBodyIssues.BodyMissing()], RequestValidationError);
            }

            return;
        }

        JsonDocument document;
        var bytes = buffer.ToArray();
        try
        {
            document = JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            throw Problems.Validation([RequestBodyIssues.JsonInvalid(ex, bytes)], RequestValidationError);
        }

        if (coercion is not null && System.Text.Json.Nodes.JsonNode.Parse(document.RootElement.GetRawText()) is { } node)
        {
            coercion.Coerce(node);
            document.Dispose();
            document = JsonDocument.Parse(node.ToJsonString());
        }

        var errors = PolarContract.ValidateRequestBody(operation, document.RootElement);
        if (errors.Count > 0)
        {
            var issues = RequestBodyIssues.From(errors, document.RootElement);
            document.Dispose();
            throw Problems.Validation(issues, RequestValidationError);
        }

        RequestContext.SetBody(context, document);
    }

    private static string? BearerToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length ? header[Scheme.Length..].Trim() : null;
    }

    /// <summary>A path no route serves: 405 when the spec has it for another method, 501 when the emulator lacks a Polar operation, else 404.</summary>
    private static EmulatorProblem Unrouted(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var method = context.Request.Method;
        if (PolarContract.FindOperation(method, path) is { } operation)
        {
            return Problems.Error(501, "NotImplementedByEmulator",
                $"The Polar emulator does not implement {operation.Method} {operation.Path} ({operation.OperationId}). See docs/billing/testing-guide.md for what it covers.");
        }

        return PolarContract.FindAnyMethod(path) ? Problems.MethodNotAllowed() : Problems.RouteNotFound();
    }

    private static async Task WriteAsync(HttpContext context, EmulatorProblem problem)
    {
        context.Response.Clear();
        if (context.Items.ContainsKey("polar.version") && context.Items["polar.version"] is string version)
        {
            context.Response.Headers[VersionHeader] = version;
        }

        context.Response.StatusCode = problem.Status;
        foreach (var (name, value) in problem.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (problem.Body is { } body)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(body.ToJsonString(PolarJson.Options), context.RequestAborted);
        }
    }
}

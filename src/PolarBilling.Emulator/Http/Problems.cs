using System.Text.Json.Nodes;

namespace PolarBilling.Emulator.Http;

/// <summary>The error answers Polar gives, by name (API-FACTS section 3): throw the result.</summary>
internal static class Problems
{
    /// <summary><c>{"error": name, "detail": detail}</c> with <paramref name="status"/>, Polar's generic error shape.</summary>
    public static EmulatorProblem Error(int status, string name, string detail) =>
        new(status, new JsonObject { ["error"] = name, ["detail"] = detail });

    /// <summary>404 <c>ResourceNotFound</c>, default detail "Not found".</summary>
    public static EmulatorProblem NotFound(string detail = "Not found") => Error(404, "ResourceNotFound", detail);

    /// <summary>403 <c>NotPermitted</c>.</summary>
    public static EmulatorProblem NotPermitted(string detail = "You don't have the permission to do this.") => Error(403, "NotPermitted", detail);

    /// <summary>422 with one or more pydantic-style issues; <c>error</c> is <c>PolarRequestValidationError</c>.</summary>
    public static EmulatorProblem Validation(params ValidationIssue[] issues) => Validation((IEnumerable<ValidationIssue>)issues);

    /// <inheritdoc cref="Validation(ValidationIssue[])"/>
    public static EmulatorProblem Validation(IEnumerable<ValidationIssue> issues, string error = "PolarRequestValidationError")
    {
        var detail = new JsonArray();
        foreach (var issue in issues)
        {
            detail.Add(issue.ToJson());
        }

        return new EmulatorProblem(422, new JsonObject { ["error"] = error, ["detail"] = detail });
    }

    /// <summary>422 for one body field that breaks a business rule, e.g. a taken email.</summary>
    public static EmulatorProblem InvalidField(string field, string message, JsonNode? input = null) =>
        Validation(ValidationIssue.BodyValue(field, message, input));

    /// <summary>401 for a request without a bearer token.</summary>
    public static EmulatorProblem MissingToken() => new(
        401,
        new JsonObject { ["error"] = "Unauthorized", ["detail"] = "Unauthorized" },
        new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"polar\"" });

    /// <summary>401 <c>invalid_token</c> for an unknown, expired or revoked token (Authlib's shape).</summary>
    public static EmulatorProblem InvalidToken() => new(
        401,
        new JsonObject { ["error"] = "invalid_token", ["error_description"] = "The access token provided is expired, revoked, malformed, or invalid for other reasons." },
        new Dictionary<string, string> { ["WWW-Authenticate"] = "Bearer realm=\"polar\", error=\"invalid_token\", error_description=\"The access token provided is expired, revoked, malformed, or invalid for other reasons.\"" });

    /// <summary>403 <c>insufficient_scope</c> when the token lacks every scope the operation accepts.</summary>
    public static EmulatorProblem InsufficientScope(IEnumerable<string> accepted)
    {
        var scope = string.Join(' ', accepted);
        return new EmulatorProblem(
            403,
            new JsonObject { ["error"] = "insufficient_scope", ["error_description"] = "The request requires higher privileges than provided by the access token." },
            new Dictionary<string, string> { ["WWW-Authenticate"] = $"Bearer realm=\"polar\", error=\"insufficient_scope\", scope=\"{scope}\"" });
    }

    /// <summary>429 with an empty body and only <c>Retry-After</c>, as Polar's rate limiter answers.</summary>
    public static EmulatorProblem RateLimited(int retryAfterSeconds) => new(
        429,
        null,
        new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>FastAPI's 404 for a path no route serves: <c>{"detail": "Not Found"}</c>.</summary>
    public static EmulatorProblem RouteNotFound() => new(404, new JsonObject { ["detail"] = "Not Found" });

    /// <summary>FastAPI's 405 for a known path called with another method.</summary>
    public static EmulatorProblem MethodNotAllowed() => new(405, new JsonObject { ["detail"] = "Method Not Allowed" });
}

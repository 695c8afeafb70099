using System.Text.Json.Nodes;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// An error answer the way Polar gives it: a status, a JSON body (or none, as for 429) and extra headers. Thrown
/// anywhere under a request and written by <see cref="PolarApiMiddleware"/>, so billing code reads as billing code.
/// Build one through <see cref="Problems"/>.
/// </summary>
internal sealed class EmulatorProblem : Exception
{
    public EmulatorProblem(int status, JsonNode? body, IReadOnlyDictionary<string, string>? headers = null)
        : base(Describe(status, body))
    {
        Status = status;
        Body = body;
        Headers = headers ?? new Dictionary<string, string>();
    }

    public EmulatorProblem()
        : this(500, null)
    {
    }

    public EmulatorProblem(string message)
        : base(message)
    {
        Status = 500;
        Headers = new Dictionary<string, string>();
    }

    public EmulatorProblem(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = 500;
        Headers = new Dictionary<string, string>();
    }

    public int Status { get; }

    /// <summary>The JSON body; <see langword="null"/> for an empty body.</summary>
    public JsonNode? Body { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    private static string Describe(int status, JsonNode? body) =>
        body is null ? $"HTTP {status}" : $"HTTP {status}: {body.ToJsonString()}";
}

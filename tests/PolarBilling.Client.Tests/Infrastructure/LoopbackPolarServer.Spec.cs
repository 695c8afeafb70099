using System.Text;
using Xunit;

using PolarBilling.Emulator.Contract;

namespace PolarBilling.Client.Tests.Infrastructure;

internal sealed partial class LoopbackPolarServer
{
    /// <summary>
    /// Fails the test unless every recorded request is a call the Polar spec defines: a known method and path
    /// (trailing <c>/</c> included), only declared query parameters, and a JSON body (with
    /// <c>Content-Type: application/json</c>) valid against the operation's request schema, or no body where none is taken.
    /// </summary>
    public void AssertAllRequestsMatchSpec()
    {
        var report = new StringBuilder();
        var requests = Requests;
        for (var i = 0; i < requests.Count; i++)
        {
            foreach (var problem in SpecProblems(requests[i]))
            {
                report.Append($"Request #{i + 1} {requests[i]}: ").Append(problem.TrimEnd()).Append('\n');
            }
        }

        if (report.Length > 0)
        {
            Assert.Fail($"{report}(checked {requests.Count} request(s) against the Polar spec {OpenApiSpec.Version})");
        }
    }

    private static IEnumerable<string> SpecProblems(RecordedRequest request)
    {
        var operation = OpenApiSpec.FindOperation(request.Method, request.Path);
        var result = OpenApiSpec.ValidateRequest(request.Method, request.Path, request.BodyText);
        if (operation is null)
        {
            // The report says what does exist (other methods, or the path with a trailing slash).
            yield return result.Errors[0].Message;
            yield break;
        }

        foreach (var name in request.Query.Select(p => p.Key).Distinct(StringComparer.Ordinal).Where(n => !operation.DeclaresQueryParameter(n)))
        {
            yield return $"query parameter '{name}' is not declared by {operation}; declared: {string.Join(", ", operation.QueryParameters.Keys)}.";
        }

        if (request.Body.Length > 0 && request.Header("Content-Type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            yield return $"the body was sent as '{request.Header("Content-Type")}', not application/json.";
        }

        if (!result.IsValid)
        {
            yield return result.ToString();
        }
    }
}

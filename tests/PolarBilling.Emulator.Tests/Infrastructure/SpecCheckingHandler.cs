using System.Collections.Concurrent;
using PolarBilling.Emulator.Contract;

namespace PolarBilling.Emulator.Tests.Infrastructure;

/// <summary>
/// Sits under every client a test uses and checks each emulator answer to a <c>/v1/</c> call against the spec:
/// the response schema of the operation for that status, when the spec documents one. Violations are collected
/// and fail the test when its <see cref="EmulatorTest"/> is disposed, so no response goes unchecked.
/// </summary>
internal sealed class SpecCheckingHandler : DelegatingHandler
{
    public SpecCheckingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public ConcurrentQueue<string> Violations { get; } = new();

    /// <summary>How many responses were checked against a schema.</summary>
    public int Checked => _checked;

    private int _checked;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/v1/", StringComparison.Ordinal) || response.Content.Headers.ContentType?.MediaType != "application/json")
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var status = (int)response.StatusCode;
        var operation = PolarContract.FindOperation(request.Method.Method, path);
        if (operation?.ResponseSchema(status) is null)
        {
            // Errors Polar sends outside the documented set (401, 404 for unknown routes, 405) have no schema.
            return response;
        }

        Interlocked.Increment(ref _checked);
        var result = PolarContract.ValidateResponse(request.Method.Method, path, status, body);
        if (!result.IsValid)
        {
            Violations.Enqueue(result.ToString());
        }

        return response;
    }
}

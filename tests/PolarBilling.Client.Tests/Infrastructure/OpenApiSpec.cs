using PolarBilling.Emulator.Contract;

namespace PolarBilling.Client.Tests.Infrastructure;

/// <summary>
/// Test assertions over the vendored Polar contract, <c>spec/polar-openapi.json</c>; the validation itself is the
/// emulator's <see cref="PolarContract"/>, so the client's tests and the emulator check JSON the same way.
/// </summary>
internal static class OpenApiSpec
{
    /// <summary>The spec's <c>info.version</c>, e.g. <c>2026-04</c>.</summary>
    public static string Version => PolarContract.Version;

    public static SpecValidationResult Validate(string schemaName, string json) => PolarContract.Validate(schemaName, json);

    public static SpecOperation? FindOperation(string method, string path) => PolarContract.FindOperation(method, path);

    public static SpecValidationResult ValidateRequest(string method, string path, string? json) => PolarContract.ValidateRequest(method, path, json);

    public static SpecValidationResult ValidateResponse(string method, string path, int status, string json) =>
        PolarContract.ValidateResponse(method, path, status, json);

    public static SpecValidationResult ValidateWebhook(string eventType, string json) => PolarContract.ValidateWebhook(eventType, json);

    /// <summary>Fails the test unless <paramref name="json"/> is a valid <paramref name="schemaName"/>.</summary>
    public static void AssertValid(string schemaName, string json) => Assert(Validate(schemaName, json));

    /// <summary>Fails the test unless <paramref name="json"/> is a valid request body for the call.</summary>
    public static void AssertRequestValid(string method, string path, string? json) => Assert(ValidateRequest(method, path, json));

    /// <summary>Fails the test unless <paramref name="json"/> is a valid <paramref name="status"/> answer to the call.</summary>
    public static void AssertResponseValid(string method, string path, int status, string json) =>
        Assert(ValidateResponse(method, path, status, json));

    /// <summary>Fails the test unless <paramref name="json"/> is a valid payload of <paramref name="eventType"/>.</summary>
    public static void AssertWebhookValid(string eventType, string json) => Assert(ValidateWebhook(eventType, json));

    private static void Assert(SpecValidationResult result)
    {
        if (!result.IsValid)
        {
            Xunit.Assert.Fail(result.ToString());
        }
    }
}

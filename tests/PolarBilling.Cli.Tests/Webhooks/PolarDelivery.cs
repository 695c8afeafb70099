namespace PolarBilling.Cli.Tests.Webhooks;

/// <summary>The signed delivery of Polar API-FACTS section 6: a legacy secret, signed at 1760000000.</summary>
internal static class PolarDelivery
{
    public const string Secret = "whsec_testsecret0123456789";
    public const string Id = "0b1d3f5e-1111-4222-8333-944455556666";
    public const string Timestamp = "1760000000";
    public const string Body = """{"type":"customer.created","timestamp":"2025-10-09T08:53:20.000000Z","data":{"id":"x"}}""";
    public const string Signature = "v1,zjqhFy8KO7BBOJ1Osum79j+O1pLevTgB3cd4XDS4ZI8=";

    /// <summary>The full <c>webhooks verify</c> arguments for this delivery, with <paramref name="extra"/> appended.</summary>
    public static string[] VerifyArgs(params string[] extra) =>
        ["webhooks", "verify", "--secret", Secret, "--id", Id, "--timestamp", Timestamp, "--signature", Signature, .. extra];
}

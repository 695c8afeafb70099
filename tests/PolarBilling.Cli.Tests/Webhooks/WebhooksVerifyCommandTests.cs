using System.Text;
using PolarBilling.Client.Webhooks;
using Xunit;
using static PolarBilling.Cli.Tests.Webhooks.PolarDelivery;

namespace PolarBilling.Cli.Tests.Webhooks;

/// <summary><c>polar-billing webhooks verify</c>: 0 valid, 1 invalid with the reason, 2 bad usage with what to fix.</summary>
public sealed class WebhooksVerifyCommandTests : IDisposable
{
    private readonly string _bodyFile = Path.Combine(Path.GetTempPath(), $"polar-body-{Guid.NewGuid():N}.json");

    public WebhooksVerifyCommandTests() => File.WriteAllBytes(_bodyFile, Encoding.UTF8.GetBytes(Body));

    public void Dispose() => File.Delete(_bodyFile);

    [Fact]
    public void Valid_delivery_exits_0_and_prints_the_event_type()
    {
        var run = Cli.Run(VerifyArgs("--body", Body, "--now", Timestamp));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Valid webhook: customer.created", run.Stdout);
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Body_file_is_verified_byte_for_byte() =>
        Assert.Equal(0, Cli.Run(VerifyArgs("--body-file", _bodyFile, "--now", Timestamp)).ExitCode);

    [Fact]
    public void Body_file_with_a_trailing_newline_fails_because_the_bytes_differ()
    {
        File.AppendAllText(_bodyFile, "\n");

        var run = Cli.Run(VerifyArgs("--body-file", _bodyFile, "--now", Timestamp));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NoMatchingSignature", run.Stderr);
    }

    [Fact]
    public void Valid_signature_over_a_body_that_is_not_an_envelope_exits_0_with_the_type_unknown()
    {
        var headers = new WebhookSigner(Secret, WebhookKeyScheme.Standard).Sign(Id, 1760000000, "plain text"u8);

        var run = Cli.Run(["webhooks", "verify", "--secret", Secret, "--id", Id, "--timestamp", headers.Timestamp,
            "--signature", headers.Signature, "--body", "plain text", "--now", "1760000000"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("not a Polar event envelope", run.Stdout);
        Assert.Contains("type is unknown", run.Stdout);
    }

    [Fact]
    public void Tampered_body_exits_1_with_the_verifiers_reason()
    {
        var run = Cli.Run(VerifyArgs("--body", Body.Replace("\"x\"", "\"y\""), "--now", Timestamp));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Invalid webhook (NoMatchingSignature)", run.Stderr);
        Assert.Contains("Both key schemes were tried", run.Stderr);
        Assert.DoesNotContain("testsecret", run.Stderr + run.Stdout);
    }

    [Fact]
    public void Old_delivery_exits_1_and_suggests_now_for_captured_deliveries()
    {
        var run = Cli.Run(VerifyArgs("--body", Body, "--now", "1760000301"));
        var withoutNow = Cli.Run(VerifyArgs("--body", Body));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("301 seconds old", run.Stderr);
        Assert.Equal(1, withoutNow.ExitCode);
        Assert.Contains($"add --now {Timestamp}", withoutNow.Stderr);
    }

    [Fact]
    public void Exactly_300_seconds_later_is_still_valid() =>
        Assert.Equal(0, Cli.Run(VerifyArgs("--body", Body, "--now", "1760000300")).ExitCode);

    [Fact]
    public void Both_body_and_body_file_is_a_usage_error()
    {
        var run = Cli.Run(VerifyArgs("--body", Body, "--body-file", _bodyFile));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("either --body-file or --body, not both", run.Stderr);
    }

    [Fact]
    public void Neither_body_nor_body_file_is_a_usage_error()
    {
        var run = Cli.Run(VerifyArgs());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--body-file <file>", run.Stderr);
    }

    [Fact]
    public void Unreadable_body_file_is_a_usage_error_naming_the_file()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json");

        var run = Cli.Run(VerifyArgs("--body-file", missing));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Cannot read --body-file '{missing}'", run.Stderr);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("1760000000.5")]
    public void Now_that_is_not_an_integer_is_a_usage_error(string now)
    {
        var run = Cli.Run(VerifyArgs("--body", Body, "--now", now));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--now must be whole Unix seconds, such as 1760000000; got '{now}'", run.Stderr);
    }

    [Theory]
    [InlineData("--secret")]
    [InlineData("--id")]
    [InlineData("--timestamp")]
    [InlineData("--signature")]
    public void Missing_required_option_is_a_usage_error_naming_it(string option)
    {
        var args = VerifyArgs("--body", Body).ToList();
        args.RemoveRange(args.IndexOf(option), 2);

        var run = Cli.Run([.. args]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"Option '{option}' is required.", run.Stderr);
        Assert.Contains("polar-billing webhooks verify --help", run.Stderr);
    }

    [Fact]
    public void Help_exits_0_and_lists_every_option()
    {
        var run = Cli.Run(["webhooks", "verify", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.All(new[] { "--secret", "--id", "--timestamp", "--signature", "--body-file", "--body", "--now" }, o => Assert.Contains(o, run.Stdout));
    }

    [Fact]
    public void No_command_is_a_usage_error() => Assert.Equal(2, Cli.Run([]).ExitCode);
}

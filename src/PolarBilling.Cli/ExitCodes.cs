namespace PolarBilling.Cli;

/// <summary>What the <c>polar-billing</c> process exit code means, for scripts and CI.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked (for <c>webhooks verify</c>: the delivery is valid).</summary>
    public const int Success = 0;

    /// <summary>The command ran and the answer is no (for <c>webhooks verify</c>: the delivery is not valid).</summary>
    public const int Failure = 1;

    /// <summary>The command was called wrongly: a missing or bad option, an unreadable file.</summary>
    public const int Usage = 2;
}

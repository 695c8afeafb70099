using System.Text;

namespace PolarBilling.Emulator.Contract;

/// <summary>
/// The outcome of validating one JSON instance against the spec. <see cref="ToString"/> is the readable report an
/// assertion prints: direct <c>required</c>/<c>type</c> errors first, then likely causes inside <c>anyOf</c>/<c>oneOf</c>
/// branches, then the other branches' noise.
/// </summary>
internal sealed class SpecValidationResult
{
    private const int MaxLines = 40;
    private const int MaxInstanceChars = 1_500;

    public SpecValidationResult(string subject, string? instance, IReadOnlyList<SpecError> errors)
    {
        Subject = subject;
        Instance = instance;
        Errors = [.. errors.OrderBy(e => e.Rank)];
    }

    /// <summary>What was validated, e.g. <c>schema Product</c> or <c>request body of POST /v1/checkouts/</c>.</summary>
    public string Subject { get; }

    /// <summary>The JSON text that was validated, if any.</summary>
    public string? Instance { get; }

    /// <summary>Every error, most useful first. Empty when valid.</summary>
    public IReadOnlyList<SpecError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    /// <summary>A result that failed before schema evaluation (no such operation, not JSON, ...).</summary>
    public static SpecValidationResult Problem(string subject, string? instance, string message) =>
        new(subject, instance, [new SpecError(string.Empty, "spec", message, string.Empty, string.Empty, null, SpecErrorKind.Direct)]);

    public override string ToString()
    {
        if (IsValid)
        {
            return $"{Subject}: valid";
        }

        var text = new StringBuilder($"{Subject} does not match the Polar spec ({Errors.Count} error(s)):\n");
        var lines = 0;
        foreach (var group in Errors.GroupBy(e => e.Kind))
        {
            text.Append(group.Key switch
            {
                SpecErrorKind.Direct => "  Errors:\n",
                SpecErrorKind.LikelyBranch => "  Inside anyOf/oneOf, in the branches that fit best (likely cause):\n",
                _ => "  Inside anyOf/oneOf branches that do not fit (usually noise):\n",
            });
            foreach (var error in group)
            {
                if (lines++ == MaxLines)
                {
                    text.Append("    ... ").Append(Errors.Count - MaxLines).Append(" more\n");
                    break;
                }

                text.Append("    ").Append(error).Append('\n');
            }

            if (lines > MaxLines)
            {
                break;
            }
        }

        if (Instance is not null)
        {
            text.Append("  Instance: ").Append(Instance.Length > MaxInstanceChars ? Instance[..MaxInstanceChars] + " ..." : Instance).Append('\n');
        }

        return text.ToString();
    }
}

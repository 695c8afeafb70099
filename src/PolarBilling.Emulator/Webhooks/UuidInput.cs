using System.Text.Json.Nodes;
using PolarBilling.Emulator.Http;

namespace PolarBilling.Emulator.Webhooks;

/// <summary>
/// Checks an id from the path or query the way Polar's <c>UUID4</c> parameters do: pydantic's <c>uuid_parsing</c>
/// (with the uuid crate's wording) or <c>uuid_version</c> 422 before any lookup.
/// </summary>
internal static class UuidInput
{
    /// <summary>FastAPI names parameter parsing failures so (Polar's own rule checks say <c>PolarRequestValidationError</c>).</summary>
    public const string FastApiError = "RequestValidationError";

    /// <exception cref="EmulatorProblem">422 when <paramref name="value"/> is not a version 4 UUID.</exception>
    public static string Path(string value, string name = "id") => Check(value, ["path", name]);

    /// <exception cref="EmulatorProblem">422 when <paramref name="value"/> is not a version 4 UUID.</exception>
    public static string Query(string value, string name) => Check(value, ["query", name]);

    private static string Check(string value, IReadOnlyList<object> location)
    {
        if (Problem(value) is { } problem)
        {
            throw Problems.Validation([new ValidationIssue("uuid_parsing", location, $"Input should be a valid UUID, {problem}", JsonValue.Create(value))], FastApiError);
        }

        var version = value.Length == 32 ? value[12] : value[14];
        return version == '4' ? value.ToLowerInvariant()
            : throw Problems.Validation([new ValidationIssue("uuid_version", location, "UUID version 4 expected", JsonValue.Create(value))], FastApiError);
    }

    private static string? Problem(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsAsciiHexDigit(value[i]) && value[i] != '-')
            {
                return $"invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `{value[i]}` at {i + 1}";
            }
        }

        if (!value.Contains('-', StringComparison.Ordinal))
        {
            return value.Length == 32 ? null : $"invalid length: expected length 32 for simple format, found {value.Length}";
        }

        var groups = value.Split('-');
        if (groups.Length != 5)
        {
            return $"invalid group count: expected 5, found {groups.Length}";
        }

        int[] lengths = [8, 4, 4, 4, 12];
        for (var g = 0; g < 5; g++)
        {
            if (groups[g].Length != lengths[g])
            {
                return $"invalid group length in group {g}: expected {lengths[g]}, found {groups[g].Length}";
            }
        }

        return null;
    }
}

using System.Text.Json;

namespace PolarBilling.Client.Serialization;

/// <summary>
/// Picks the member of a union that has no discriminator (an <c>anyOf</c> in the API) from the JSON's shape:
/// members missing a required field or with a different fixed value are out; of the rest, the one that
/// declares the most of the JSON's fields wins, then the one with more required fields.
/// </summary>
internal static class StructuralUnion
{
    internal sealed record Candidate(Type Type, string[] Required, (string Name, string Value)[] Constants, string[] Declared);

    internal static Type? Resolve(JsonElement element, Candidate[] candidates)
    {
        Type? best = null;
        var bestUndeclared = int.MaxValue;
        var bestRequired = -1;
        foreach (var candidate in candidates)
        {
            if (!Fits(element, candidate))
            {
                continue;
            }

            var undeclared = 0;
            foreach (var property in element.EnumerateObject())
            {
                if (Array.IndexOf(candidate.Declared, property.Name) < 0)
                {
                    undeclared++;
                }
            }

            if (undeclared < bestUndeclared || (undeclared == bestUndeclared && candidate.Required.Length > bestRequired))
            {
                best = candidate.Type;
                bestUndeclared = undeclared;
                bestRequired = candidate.Required.Length;
            }
        }

        return best;
    }

    private static bool Fits(JsonElement element, Candidate candidate)
    {
        foreach (var required in candidate.Required)
        {
            if (!element.TryGetProperty(required, out _))
            {
                return false;
            }
        }

        foreach (var (name, value) in candidate.Constants)
        {
            if (element.TryGetProperty(name, out var actual)
                && (actual.ValueKind != JsonValueKind.String || actual.GetString() != value))
            {
                return false;
            }
        }

        return true;
    }
}

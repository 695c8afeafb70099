using System.Text.Json;

namespace PolarBilling.Client.Serialization;

/// <summary>
/// Picks the member of a union that has no discriminator (an <c>anyOf</c> in the API) from the JSON's shape:
/// members missing a required field, or whose pinned field (a constant or an enumeration, such as an
/// aggregation's <c>func</c>) holds another value, are out. Of the rest, the one that declares the most of the
/// JSON's fields wins, then the one that pins more of them, then the one with more required fields.
/// </summary>
internal static class StructuralUnion
{
    internal sealed record Candidate(Type Type, string[] Required, (string Name, string[] Allowed)[] Pinned, string[] Declared);

    internal static Type? Resolve(JsonElement element, Candidate[] candidates)
    {
        Type? best = null;
        var bestScore = (Undeclared: int.MaxValue, Pinned: -1, Required: -1);
        foreach (var candidate in candidates)
        {
            if (!Fits(element, candidate, out var pinned))
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

            var score = (Undeclared: undeclared, Pinned: pinned, Required: candidate.Required.Length);
            if (score.Undeclared < bestScore.Undeclared
                || (score.Undeclared == bestScore.Undeclared && (score.Pinned > bestScore.Pinned
                    || (score.Pinned == bestScore.Pinned && score.Required > bestScore.Required))))
            {
                best = candidate.Type;
                bestScore = score;
            }
        }

        return best;
    }

    private static bool Fits(JsonElement element, Candidate candidate, out int pinned)
    {
        pinned = 0;
        foreach (var required in candidate.Required)
        {
            if (!element.TryGetProperty(required, out _))
            {
                return false;
            }
        }

        foreach (var (name, allowed) in candidate.Pinned)
        {
            if (!element.TryGetProperty(name, out var actual))
            {
                continue;
            }

            if (actual.ValueKind != JsonValueKind.String || Array.IndexOf(allowed, actual.GetString()) < 0)
            {
                return false;
            }

            pinned++;
        }

        return true;
    }
}

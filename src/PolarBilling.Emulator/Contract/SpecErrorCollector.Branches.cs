namespace PolarBilling.Emulator.Contract;

/// <summary>
/// Which branch of each <c>anyOf</c> the caller meant. Polar's server picks a union member by its discriminator (or
/// pydantic's smart mode) and reports only that member's errors; the spec keeps no discriminators, so the branches
/// are scored by how badly the instance misfits them and the lowest score wins (ties keep every tied branch).
/// </summary>
internal static partial class SpecErrorCollector
{
    /// <summary>A failed <c>const</c> (a stripped discriminator) or a wrong type of the whole branch: never meant.</summary>
    private const int WrongKind = 100;

    /// <summary>A required key the instance lacks, or a key the branch forbids: most likely another member.</summary>
    private const int WrongKeys = 10;

    /// <summary>Any other failure inside the branch: a mistake within the member that was meant.</summary>
    private const int WrongValue = 1;

    /// <summary>Every branch that scores lowest in its union, given the failures in <paramref name="raw"/>.</summary>
    private static HashSet<string> BestBranches(List<RawError> raw)
    {
        var branchLocations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var error in raw)
        {
            if (error.Branch is { } branch)
            {
                branchLocations[branch.Path] = branch.InstanceLocation;
            }
        }

        var direct = raw.Where(e => e.Branch is not null).GroupBy(e => e.Branch!.Path, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => Misfit(e, branchLocations[g.Key])), StringComparer.Ordinal);
        var branches = raw.SelectMany(e => BranchesOf(e.Path)).ToHashSet(StringComparer.Ordinal);
        var unions = branches.GroupBy(UnionOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);

        int Score(string branch)
        {
            if (scores.TryGetValue(branch, out var known))
            {
                return known;
            }

            // A union nested in this branch costs what its best-fitting branch costs.
            var nested = unions.Where(u => ParentBranch(u.Key, branches) == branch).Sum(u => u.Value.Min(Score));
            return scores[branch] = direct.GetValueOrDefault(branch) + nested;
        }

        return unions.Values
            .SelectMany(members => members.Where(b => Score(b) == members.Min(Score)))
            .ToHashSet(StringComparer.Ordinal);
    }

    private static int Misfit(RawError error, string branchLocation) => error.Keyword switch
    {
        "const" => WrongKind,
        "type" when error.Location == branchLocation => WrongKind,
        "required" when error.Location == branchLocation => WrongKeys * Math.Max(1, QuotedNames().Count(error.Message)),
        "additionalProperties" when ParentOf(error.Location) == branchLocation => WrongKeys,
        _ => WrongValue,
    };

    /// <summary>The innermost branch a union sits in, or <see langword="null"/> at the top.</summary>
    private static string? ParentBranch(string union, HashSet<string> branches) =>
        BranchesOf(union).Where(branches.Contains).LastOrDefault();

    private static string ParentOf(string pointer) => pointer[..Math.Max(0, pointer.LastIndexOf('/'))];

    [System.Text.RegularExpressions.GeneratedRegex("\"[^\"]+\"")]
    private static partial System.Text.RegularExpressions.Regex QuotedNames();
}

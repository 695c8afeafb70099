using PolarBilling.Emulator.State;
using Xunit;

namespace PolarBilling.Emulator.Tests.State;

/// <summary>Object ids are lowercase version-4 UUIDs, as Polar's are, and never repeat.</summary>
public sealed class PolarTokensTests
{
    [Fact]
    public void New_ids_are_distinct_version_4_uuids()
    {
        var ids = Enumerable.Range(0, 20_000).Select(_ => PolarTokens.NewId()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id =>
        {
            Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", id);
            Assert.True(Guid.TryParseExact(id, "D", out _));
        });
    }

    [Fact]
    public void Ids_use_every_random_nibble() =>
        // Each of the 30 hex digits outside the version and variant positions takes more than one value.
        Assert.All(
            Enumerable.Range(0, 36).Where(i => i is not (8 or 13 or 14 or 18 or 19 or 23)),
            position => Assert.True(Enumerable.Range(0, 200).Select(_ => PolarTokens.NewId()[position]).Distinct().Count() > 1, $"position {position}"));
}

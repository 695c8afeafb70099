namespace PolarBilling.Emulator.Http;

/// <summary>
/// The fields a list can be sorted by (<c>created_at</c>, <c>name</c>, …), each with how to read it. A <c>-</c>
/// prefix sorts descending; later fields break ties; the id breaks remaining ties so pages are stable.
/// </summary>
internal sealed class SortKeys<T>
{
    private readonly Dictionary<string, Func<T, IComparable?>> _keys = new(StringComparer.Ordinal);
    private readonly Func<T, string> _id;

    public SortKeys(Func<T, string> id) => _id = id;

    public SortKeys<T> Add(string field, Func<T, IComparable?> key)
    {
        _keys[field] = key;
        return this;
    }

    /// <exception cref="EmulatorProblem">422 <c>enum</c> naming the allowed values.</exception>
    public List<T> Sort(IEnumerable<T> items, IReadOnlyList<string> sorting)
    {
        IOrderedEnumerable<T>? ordered = null;
        for (var i = 0; i < sorting.Count; i++)
        {
            var criterion = sorting[i];
            var descending = criterion.StartsWith('-');
            var field = descending ? criterion[1..] : criterion;
            if (!_keys.TryGetValue(field, out var key))
            {
                // pydantic's wording for an enum: "'a', 'b' or 'c'", with the same text in ctx.expected.
                var names = _keys.Keys.SelectMany(k => new[] { $"'{k}'", $"'-{k}'" }).ToList();
                var allowed = names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
                throw Problems.Validation([new ValidationIssue("enum", ["query", "sorting", i], $"Input should be {allowed}", System.Text.Json.Nodes.JsonValue.Create(criterion), new System.Text.Json.Nodes.JsonObject { ["expected"] = allowed })], "RequestValidationError");
            }

            ordered = (ordered, descending) switch
            {
                (null, false) => items.OrderBy(key, NullsFirst.Instance),
                (null, true) => items.OrderByDescending(key, NullsFirst.Instance),
                (_, false) => ordered.ThenBy(key, NullsFirst.Instance),
                (_, true) => ordered.ThenByDescending(key, NullsFirst.Instance),
            };
        }

        return ordered is null ? [.. items.OrderBy(_id, StringComparer.Ordinal)] : [.. ordered.ThenBy(_id, StringComparer.Ordinal)];
    }

    private sealed class NullsFirst : IComparer<IComparable?>
    {
        public static readonly NullsFirst Instance = new();

        public int Compare(IComparable? x, IComparable? y) => (x, y) switch
        {
            (null, null) => 0,
            (null, _) => -1,
            (_, null) => 1,
            (string a, string b) => string.Compare(a, b, StringComparison.Ordinal),
            _ => x.CompareTo(y),
        };
    }
}

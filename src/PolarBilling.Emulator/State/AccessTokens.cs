using System.Collections.Concurrent;
using PolarBilling.Emulator.Contract;

namespace PolarBilling.Emulator.State;

/// <summary>
/// The organization access tokens the emulator accepts and the scopes each holds. The start-up token holds every
/// scope; tests mint narrower ones through the control API to see Polar's 403 <c>insufficient_scope</c>.
/// </summary>
internal sealed class AccessTokens
{
    private readonly ConcurrentDictionary<string, IReadOnlySet<string>> _tokens = new(StringComparer.Ordinal);

    /// <summary>Every scope an organization token can use on some operation of the spec.</summary>
    public static IReadOnlySet<string> AllScopes { get; } = PolarContract.Scopes;

    public void Add(string token, IReadOnlySet<string> scopes) => _tokens[token] = scopes;

    /// <summary>The scopes of <paramref name="token"/>, or <see langword="null"/> when the emulator does not know it.</summary>
    public IReadOnlySet<string>? Find(string token) => _tokens.TryGetValue(token, out var scopes) ? scopes : null;

    /// <summary>Forgets every token but <paramref name="keep"/>.</summary>
    public void RemoveAllBut(string keep)
    {
        foreach (var token in _tokens.Keys.Where(t => t != keep))
        {
            _tokens.TryRemove(token, out _);
        }
    }
}

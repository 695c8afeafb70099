using PolarBilling.Emulator.Contract;

namespace PolarBilling.Emulator.Faults;

/// <summary>
/// Which API requests a rule matches: <c>*</c> (every <c>/v1/</c> request, routed or not), or one Polar operation named
/// by its <c>operationId</c> (<c>checkouts:create</c>) or by method and path (<c>POST /v1/checkouts/</c>,
/// <c>GET /v1/subscriptions/{id}</c>, or a concrete path such as <c>GET /v1/subscriptions/3f…</c>).
/// </summary>
internal sealed class FaultRoute
{
    private FaultRoute(string text, SpecOperation? operation)
    {
        Text = text;
        Operation = operation;
    }

    /// <summary>The route as the rule was given.</summary>
    public string Text { get; }

    /// <summary>The operation matched; <see langword="null"/> for <c>*</c>.</summary>
    public SpecOperation? Operation { get; }

    /// <summary>Whether a request for <paramref name="operation"/> (null: a path the spec lacks) is matched.</summary>
    public bool Matches(SpecOperation? operation) =>
        Operation is null || (operation is not null && string.Equals(operation.OperationId, Operation.OperationId, StringComparison.Ordinal));

    /// <summary>Reads a route; the error says what is allowed and, for a path missing its trailing slash, the right one.</summary>
    public static FaultRoute Parse(string text, Func<string, Exception> invalid)
    {
        var trimmed = text.Trim();
        if (trimmed == "*")
        {
            return new FaultRoute("*", null);
        }

        const string Allowed = "'route' must be '*', an operation id such as 'checkouts:create', or a method and Polar path such as 'POST /v1/checkouts/' or 'GET /v1/subscriptions/{id}'";
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            try
            {
                return new FaultRoute(trimmed, PolarContract.Operation(trimmed));
            }
            catch (KeyNotFoundException)
            {
                throw invalid($"{Allowed}; the Polar spec has no operation '{trimmed}'.");
            }
        }

        var method = trimmed[..space].ToUpperInvariant();
        var path = trimmed[(space + 1)..].Trim();
        if (!path.StartsWith("/v1/", StringComparison.Ordinal))
        {
            throw invalid($"{Allowed}; the path must start with /v1/, not '{path}'.");
        }

        if (PolarContract.FindOperation(method, path) is { } operation)
        {
            return new FaultRoute($"{method} {path}", operation);
        }

        var hint = PolarContract.FindOperation(method, path.EndsWith('/') ? path.TrimEnd('/') : path + "/") is { } near
            ? $" Did you mean '{near.Method} {near.Path}'? Polar's trailing slashes matter."
            : string.Empty;
        throw invalid($"{Allowed}; the Polar spec has no operation '{method} {path}'.{hint}");
    }
}

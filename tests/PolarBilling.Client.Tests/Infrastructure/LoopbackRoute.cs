using PolarBilling.Emulator.Contract;

namespace PolarBilling.Client.Tests.Infrastructure;

/// <summary>
/// The script for one method and path pattern of <see cref="LoopbackPolarServer"/>: one-shot answers used in order
/// (<see cref="Once"/>), then the standing answer (<see cref="Always(LoopbackResponse)"/>), else the server's 404.
/// Methods return the route, so a script reads as one chain.
/// </summary>
internal sealed class LoopbackRoute
{
    private readonly Queue<LoopbackResponse> _once = new();
    private readonly Lock _gate = new();
    private Func<RecordedRequest, LoopbackResponse>? _always;
    private int _hits;

    internal LoopbackRoute(string method, PathTemplate pattern)
    {
        Method = method;
        Pattern = pattern;
    }

    /// <summary>Upper-case method this route answers.</summary>
    public string Method { get; }

    /// <summary>The path pattern, e.g. <c>/v1/subscriptions/{id}</c>.</summary>
    public PathTemplate Pattern { get; }

    /// <summary>How many requests this route has answered so far.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Answer the next request with <paramref name="response"/>, once; several calls queue in order.</summary>
    public LoopbackRoute Once(LoopbackResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        lock (_gate)
        {
            _once.Enqueue(response);
        }

        return this;
    }

    /// <summary>Answer every request (after the queued <see cref="Once"/> answers) with <paramref name="response"/>.</summary>
    public LoopbackRoute Always(LoopbackResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Always(_ => response);
    }

    /// <summary>Answer every request (after the queued <see cref="Once"/> answers) from the request, e.g. by its <c>page</c>.</summary>
    public LoopbackRoute Always(Func<RecordedRequest, LoopbackResponse> responder)
    {
        ArgumentNullException.ThrowIfNull(responder);
        lock (_gate)
        {
            _always = responder;
        }

        return this;
    }

    /// <summary>The answer to <paramref name="request"/>, or <see langword="null"/> when the script has run out.</summary>
    internal LoopbackResponse? Next(RecordedRequest request)
    {
        Func<RecordedRequest, LoopbackResponse>? always;
        lock (_gate)
        {
            Interlocked.Increment(ref _hits);
            if (_once.TryDequeue(out var next))
            {
                return next;
            }

            always = _always;
        }

        return always?.Invoke(request);
    }

    public override string ToString() => $"{Method} {Pattern}";
}

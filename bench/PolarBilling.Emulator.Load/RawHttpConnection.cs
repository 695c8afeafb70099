using System.Buffers.Text;
using System.Net.Sockets;
using System.Text;

namespace PolarBilling.Emulator.Load;

/// <summary>
/// One keep-alive HTTP/1.1 connection that sends a GET and reads the whole answer (the emulator always sends
/// Content-Length). Hand-written instead of HttpClient so the client, which shares the 2 cores with the emulator,
/// spends as little CPU as possible per request, as wrk or bombardier would.
/// </summary>
internal sealed class RawHttpConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\ncontent-length:"u8.ToArray();

    private readonly Socket _socket;
    private readonly string _host;
    private readonly string _token;
    private readonly Dictionary<string, byte[]> _requests = new(StringComparer.Ordinal);
    private byte[] _buffer = new byte[64 * 1024];

    private RawHttpConnection(Socket socket, string host, string token)
    {
        _socket = socket;
        _host = host;
        _token = token;
    }

    public static async Task<RawHttpConnection> OpenAsync(Uri baseUrl, string token, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(baseUrl.Host, baseUrl.Port, cancellationToken);
        return new RawHttpConnection(socket, baseUrl.Authority, token);
    }

    /// <summary>Sends <c>GET path</c> and returns the status code once the whole body has arrived.</summary>
    public async Task<int> GetAsync(string path, CancellationToken cancellationToken)
    {
        if (!_requests.TryGetValue(path, out var request))
        {
            request = Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {_host}\r\nAuthorization: Bearer {_token}\r\nAccept: application/json\r\n\r\n");
            _requests[path] = request;
        }

        await _socket.SendAsync(request, SocketFlags.None, cancellationToken);
        var received = 0;
        var headerLength = -1;
        var total = int.MaxValue;
        while (received < total)
        {
            if (received == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _socket.ReceiveAsync(_buffer.AsMemory(received), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The emulator closed the connection.");
            }

            received += read;
            if (headerLength < 0 && _buffer.AsSpan(0, received).IndexOf(HeaderEnd) is var end and >= 0)
            {
                headerLength = end + HeaderEnd.Length;
                total = headerLength + BodyLength(_buffer.AsSpan(0, headerLength));
            }
        }

        return (_buffer[9] - '0') * 100 + (_buffer[10] - '0') * 10 + (_buffer[11] - '0');
    }

    public void Dispose() => _socket.Dispose();

    private static int BodyLength(ReadOnlySpan<byte> headers)
    {
        Span<byte> lower = stackalloc byte[headers.Length];
        for (var i = 0; i < headers.Length; i++)
        {
            lower[i] = headers[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(headers[i] + 32) : headers[i];
        }

        var at = lower.IndexOf(ContentLength);
        if (at < 0)
        {
            return 0;
        }

        var value = lower[(at + ContentLength.Length)..].TrimStart((byte)' ');
        return Utf8Parser.TryParse(value, out int length, out _) ? length : 0;
    }
}

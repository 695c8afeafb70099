using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;
using PolarBilling.Client.Webhooks;

namespace PolarBilling.Webhooks.Bench;

/// <summary>
/// One keep-alive HTTP/1.1 connection that POSTs signed webhook deliveries and reads each whole answer. Hand-written
/// instead of HttpClient so the load generator, which shares the 2 cores with the receivers, spends as little CPU as
/// possible per request. Every delivery gets a fresh <c>webhook-id</c> and is signed at the current second.
/// </summary>
internal sealed class WebhookConnection : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "\r\ncontent-length:"u8.ToArray();

    private readonly Socket _socket;
    private readonly int _port;
    private readonly byte[] _body;
    private readonly WebhookSigner _signer;
    private readonly byte[] _buffer = new byte[16 * 1024];

    private WebhookConnection(Socket socket, int port, byte[] body, WebhookSigner signer)
    {
        _socket = socket;
        _port = port;
        _body = body;
        _signer = signer;
    }

    public static async Task<WebhookConnection> OpenAsync(int port, byte[] body, WebhookSigner signer)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(IPAddress.Loopback, port);
        return new WebhookConnection(socket, port, body, signer);
    }

    /// <summary>Sends one delivery with this webhook-id and returns the status code once the whole answer has arrived (0 if the connection closed).</summary>
    public async Task<int> PostAsync(string webhookId)
    {
        var signed = _signer.Sign(webhookId, _body);
        var head = Encoding.ASCII.GetBytes(
            $"POST {ReceiverHost.Path} HTTP/1.1\r\nHost: 127.0.0.1:{_port}\r\nContent-Type: application/json\r\n"
            + $"Content-Length: {_body.Length}\r\nwebhook-id: {signed.Id}\r\nwebhook-timestamp: {signed.Timestamp}\r\n"
            + $"webhook-signature: {signed.Signature}\r\nUser-Agent: polar-bench\r\n\r\n");
        await _socket.SendAsync(new ArraySegment<byte>[] { head, _body }, SocketFlags.None);
        var received = 0;
        var total = int.MaxValue;
        while (received < total)
        {
            var read = await _socket.ReceiveAsync(_buffer.AsMemory(received), SocketFlags.None);
            if (read == 0)
            {
                return 0;
            }

            received += read;
            if (total == int.MaxValue && _buffer.AsSpan(0, received).IndexOf(HeaderEnd) is var end and >= 0)
            {
                var headerLength = end + HeaderEnd.Length;
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

using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 (a raw TcpListener on a port the OS picks) that answers every request with one
/// fixed status, closes the connection, and records each request's headers, so tests can count the client's attempts.
/// </summary>
internal sealed class FixedStatusHttpServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly int status;
    private readonly string reason;
    private readonly string? errorCode;
    private readonly Task accepting;

    public FixedStatusHttpServer(int status, string reason, string? errorCode = null)
    {
        this.status = status;
        this.reason = reason;
        this.errorCode = errorCode;
        listener.Start();
        accepting = AcceptAsync();
    }

    /// <summary>The headers of every request received, in order (names lower-cased).</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string>> Requests { get; } = new();

    /// <summary>A path-style endpoint for the emulator account on this server.</summary>
    public Uri Endpoint => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/devstoreaccount1"));

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var headers = await ReadHeadersAsync(stream);
                if (headers is null)
                {
                    return;
                }

                Requests.Enqueue(headers);
                if (headers.TryGetValue("content-length", out var lengthText) && int.TryParse(lengthText, CultureInfo.InvariantCulture, out var length))
                {
                    var body = new byte[length];
                    await stream.ReadExactlyAsync(body, stopping.Token);
                }

                var answer = new StringBuilder()
                    .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {status} {reason}\r\n")
                    .Append("Content-Length: 0\r\n")
                    .Append("Connection: close\r\n");
                if (errorCode is not null)
                {
                    answer.Append("x-ms-error-code: ").Append(errorCode).Append("\r\n");
                }

                answer.Append("\r\n");
                await stream.WriteAsync(Encoding.ASCII.GetBytes(answer.ToString()), stopping.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or SocketException)
            {
                // The client hung up or the server is stopping.
            }
        }
    }

    private async Task<Dictionary<string, string>?> ReadHeadersAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(buffer))
        {
            if (await stream.ReadAsync(one, stopping.Token) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. buffer]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { [":request-line"] = lines[0] };
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim().ToLowerInvariant()] = line[(colon + 1)..].Trim();
        }

        return headers;
    }

    private static bool EndsWithBlankLine(List<byte> buffer) =>
        buffer.Count >= 4 && buffer[^4] == '\r' && buffer[^3] == '\n' && buffer[^2] == '\r' && buffer[^1] == '\n';
}

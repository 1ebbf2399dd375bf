using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace AlisCompliance.Storage.Tests.Infrastructure;

/// <summary>A loopback port nobody listens on: bind port 0, note the port, release it. Connecting is refused.</summary>
internal static class ClosedPort
{
    public static Uri Endpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/devstoreaccount1"));
    }
}

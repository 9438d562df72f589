using System.Net;
using System.Net.Sockets;

namespace HyperMM.Cli.Tests.Safety;

/// <summary>A loopback URL nobody listens on: a venue that refuses every connection.</summary>
public static class ClosedPort
{
    public static Uri Url()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }
}

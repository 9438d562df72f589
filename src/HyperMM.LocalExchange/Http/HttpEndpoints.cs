using System.Buffers;
using System.IO.Pipelines;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Ws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace HyperMM.LocalExchange.Http;

/// <summary>Maps POST /info, POST /exchange and /ws onto the venue, with fault injection in front.</summary>
public static class HttpEndpoints
{
    private const int MaxBodyBytes = 1 << 20;

    public static void Map(WebApplication app, IVenueHandlers venue, WsHub hub, FaultSwitches faults, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapPost("/info", ctx => HandleAsync(ctx, faults, time, (body, ip) => venue.Info(body, ip)));
        app.MapPost("/exchange", ctx => HandleAsync(ctx, faults, time, (body, ip) => venue.Exchange(body, ip)));
        app.Map("/ws", async ctx =>
        {
            if (!ctx.WebSockets.IsWebSocketRequest)
            {
                ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            using var socket = await ctx.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            await hub.RunAsync(socket, RemoteIp(ctx), ctx.RequestAborted).ConfigureAwait(false);
        });
    }

    private delegate VenueReply Handler(ReadOnlySpan<byte> body, string remoteIp);

    private static async Task HandleAsync(HttpContext ctx, FaultSwitches faults, TimeProvider time, Handler handler)
    {
        var fault = await FaultGate.ApplyAsync(faults, time, ctx.RequestAborted).ConfigureAwait(false);
        if (fault is { } injected)
        {
            await WriteAsync(ctx, injected).ConfigureAwait(false);
            return;
        }

        var body = await ReadBodyAsync(ctx.Request.BodyReader, ctx.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(ctx, VenueReply.Text(StatusCodes.Status413PayloadTooLarge, "Payload too large")).ConfigureAwait(false);
            return;
        }

        var reply = handler(body, RemoteIp(ctx));
        await WriteAsync(ctx, reply).ConfigureAwait(false);
    }

    private static string RemoteIp(HttpContext ctx) => ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static async Task<byte[]?> ReadBodyAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (buffer.Length > MaxBodyBytes)
            {
                reader.AdvanceTo(buffer.End);
                return null;
            }

            if (result.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private static async Task WriteAsync(HttpContext ctx, VenueReply reply)
    {
        ctx.Response.StatusCode = reply.StatusCode;
        ctx.Response.ContentType = reply.ContentType;
        ctx.Response.ContentLength = reply.Body.Length;
        await ctx.Response.Body.WriteAsync(reply.Body, ctx.RequestAborted).ConfigureAwait(false);
    }
}

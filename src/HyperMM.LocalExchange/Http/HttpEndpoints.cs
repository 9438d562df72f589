using System.Buffers;
using System.IO.Pipelines;
using System.Net.WebSockets;
using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Ws;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HyperMM.LocalExchange.Http;

/// <summary>
/// Maps POST /info, POST /exchange and /ws onto the venue, with fault injection in front. Every answer has a body:
/// a request that breaks something unexpected is logged and answered 500 with a one-line text, never an empty 500.
/// </summary>
public static partial class HttpEndpoints
{
    private const int MaxBodyBytes = 1 << 20;

    public static void Map(WebApplication app, IVenueHandlers venue, WsHub hub, FaultSwitches faults, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (ctx, next) =>
        {
            try
            {
                await next(ctx).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !ctx.Response.HasStarted)
            {
                LogUnexpected(logger, ctx.Request.Path.Value ?? "/", ex);
                await WriteAsync(ctx, VenueReply.Text(StatusCodes.Status500InternalServerError, "500 Internal Server Error: the request could not be processed")).ConfigureAwait(false);
            }
        });
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapPost("/info", ctx => HandleAsync(ctx, faults, time, (body, ip) => venue.Info(body, ip)));
        app.MapPost("/exchange", ctx => HandleAsync(ctx, faults, time, (body, ip) => venue.Exchange(body, ip)));
        app.Map("/ws", async ctx =>
        {
            if (!ctx.WebSockets.IsWebSocketRequest)
            {
                await WriteAsync(ctx, VenueReply.Text(StatusCodes.Status400BadRequest, "400 Bad Request: /ws takes a WebSocket upgrade")).ConfigureAwait(false);
                return;
            }

            var ip = RemoteIp(ctx);
            if (hub.Admit(ip) is { } refusal)
            {
                await WriteAsync(ctx, VenueReply.Text(StatusCodes.Status429TooManyRequests, refusal)).ConfigureAwait(false);
                return;
            }

            WebSocket socket;
            try
            {
                socket = await ctx.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
            }
            catch
            {
                hub.Release(ip);
                throw;
            }

            using (socket)
            {
                await hub.RunAsync(socket, ip, ctx.RequestAborted).ConfigureAwait(false); // releases the admission when it ends
            }
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Unexpected failure answering {Path}; answered 500.")]
    private static partial void LogUnexpected(ILogger logger, string path, Exception exception);
}

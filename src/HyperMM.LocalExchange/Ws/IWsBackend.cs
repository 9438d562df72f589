using System.Text.Json;

namespace HyperMM.LocalExchange.Ws;

/// <summary>What the WebSocket hub asks of the venue: first messages of a subscription and answers to posts.</summary>
public interface IWsBackend
{
    /// <summary>
    /// The venue's state lock. Pushes are published while it is held, and a subscription is activated (added,
    /// acknowledged, initial messages queued) under it too, so a snapshot always precedes the updates after it.
    /// </summary>
    Lock Gate { get; }

    /// <summary>Messages sent right after a subscription is acknowledged (the book now, the fills snapshot, …).</summary>
    IReadOnlyList<byte[]> InitialMessages(WsSubscription subscription);

    /// <summary>Answers a <c>post</c> request: the complete <c>{"channel":"post",…}</c> frame.</summary>
    Task<byte[]> PostAsync(long id, JsonElement request, string remoteIp, CancellationToken cancellationToken);
}

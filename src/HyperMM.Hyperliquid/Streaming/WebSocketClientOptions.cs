namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Timing and capacity of <see cref="HyperliquidWebSocketClient"/>. Defaults follow PROTOCOL §6.1.</summary>
public sealed record WebSocketClientOptions
{
    /// <summary>Send <c>{"method":"ping"}</c> this often (the server drops sockets silent for 60 s).</summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>No frame at all within this time after a ping → the socket is treated as dead.</summary>
    public TimeSpan PongTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; doubles per failed attempt up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan MinReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a <c>post</c> waits for its answer before it is reported as an (ambiguous) timeout.</summary>
    public TimeSpan PostTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Capacity of the message channel. When full the reader waits (no message is dropped).</summary>
    public int ChannelCapacity { get; init; } = 10_000;
}

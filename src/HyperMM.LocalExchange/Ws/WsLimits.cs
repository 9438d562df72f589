namespace HyperMM.LocalExchange.Ws;

/// <summary>
/// The venue's WebSocket limits per IP (PROTOCOL §7.1, DOCS rate-limits-and-user-limits.md): 10 connections,
/// 30 new connections a minute, 1000 subscriptions, 10 distinct users across user-specific subscriptions, 2000
/// messages sent a minute. A value of 0 switches that limit off (load tests).
/// <para>
/// The 100 in-flight posts limit needs no counter here: a connection's posts are answered in arrival order, so at
/// most one per connection (at most 10 per IP) is ever in flight.
/// </para>
/// </summary>
public sealed record WsLimits
{
    public int MaxConnections { get; init; } = 10;

    public int NewConnectionsPerMinute { get; init; } = 30;

    public int MaxSubscriptions { get; init; } = 1000;

    public int MaxUsers { get; init; } = 10;

    public int MessagesPerMinute { get; init; } = 2000;

    /// <summary>The venue's limits.</summary>
    public static WsLimits Venue { get; } = new();

    /// <summary>No limit at all.</summary>
    public static WsLimits Off { get; } = new() { MaxConnections = 0, NewConnectionsPerMinute = 0, MaxSubscriptions = 0, MaxUsers = 0, MessagesPerMinute = 0 };
}

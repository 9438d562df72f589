namespace HyperMM.Hyperliquid.Streaming;

/// <summary>
/// Something the socket delivered (or a connection-state change). Concrete types are in this namespace;
/// <see cref="WsMessages"/> parses raw frames and writes them (for a server).
/// </summary>
public abstract record WsMessage
{
    /// <summary>The <c>channel</c> of the frame ("" for connection-state events).</summary>
    public abstract string Channel { get; }
}

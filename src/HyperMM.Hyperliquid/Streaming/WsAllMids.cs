using HyperMM.Hyperliquid.Info;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>Channel <c>allMids</c>: <c>{"mids":{…}}</c>.</summary>
public sealed record WsAllMids(AllMids Mids) : WsMessage
{
    public override string Channel => "allMids";
}

namespace HyperMM.Hyperliquid.Exchange;

/// <summary>The variants of one entry of <c>response.data.statuses</c>.</summary>
public enum ExchangeStatusKind
{
    /// <summary><c>{"resting":{"oid":…[,"cloid":…]}}</c>.</summary>
    Resting = 0,

    /// <summary><c>{"filled":{"totalSz","avgPx","oid"[,"cloid"]}}</c>.</summary>
    Filled = 1,

    /// <summary><c>{"error":"…"}</c>.</summary>
    Error = 2,

    /// <summary><c>"success"</c> (cancel).</summary>
    Success = 3,

    /// <summary><c>"waitingForFill"</c>.</summary>
    WaitingForFill = 4,

    /// <summary><c>"waitingForTrigger"</c>.</summary>
    WaitingForTrigger = 5,
}

using HyperMM.Core.Market;

namespace HyperMM.Hyperliquid.Streaming;

/// <summary>One public trade as pushed: the engine's <see cref="Trade"/> plus the L1 hash and the two users (buyer, seller).</summary>
public sealed record WsTrade(Trade Trade, string? Hash, IReadOnlyList<string> Users);

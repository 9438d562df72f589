using HyperMM.Core.Primitives;

namespace HyperMM.Cli.Reports;

/// <summary>One of our fills: venue time, side, price, size, fee paid (negative for a rebate), whether we took
/// liquidity, the mid when it happened and our position after it.</summary>
public sealed record ReportFill(long TimeMs, Side Side, decimal Price, decimal Size, decimal Fee, bool Taker, decimal MidAtFill, decimal PositionAfter)
{
    /// <summary>+size for a buy, −size for a sell.</summary>
    public decimal SignedSize => Side == Side.Buy ? Size : -Size;
}

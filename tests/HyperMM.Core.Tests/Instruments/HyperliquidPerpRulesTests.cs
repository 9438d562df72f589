using HyperMM.Core.Instruments;

namespace HyperMM.Core.Tests.Instruments;

/// <summary>Hyperliquid's perp tick/lot rules; expected values are the worked examples of PROTOCOL §5.</summary>
public class HyperliquidPerpRulesTests
{
    [Theory]
    [InlineData("2000.5", 4, true)]     // ETH: 5 significant figures
    [InlineData("2000.55", 4, false)]   // ETH: 6 significant figures
    [InlineData("65000", 5, true)]      // BTC: integer
    [InlineData("65000.5", 5, false)]   // BTC: 6 significant figures, not an integer
    [InlineData("123456", 5, true)]     // integers are always valid, whatever their length
    [InlineData("40.123", 2, true)]     // HYPE
    [InlineData("40.1234", 2, false)]   // HYPE: 6 significant figures
    [InlineData("1234.5", 0, true)]     // docs example
    [InlineData("1234.56", 0, false)]   // docs example
    [InlineData("0.001234", 0, true)]   // docs example: 6 decimals allowed at szDecimals 0
    [InlineData("0.0012345", 0, false)] // docs example: 7 decimals > 6
    [InlineData("0.01234", 1, true)]    // docs example: szDecimals 1 → 5 decimals
    [InlineData("0.012345", 1, false)]  // docs example
    public void IsValidPrice_DocsExamples_MatchVenue(string price, int szDecimals, bool valid) =>
        Assert.Equal(valid, new HyperliquidPerpRules(szDecimals).IsValidPrice(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    // price, szDecimals, direction, expected (hand-worked: tick = 10^-min(6 - sz, 5 - intDigits))
    [InlineData("4269.37", 4, RoundingDirection.Down, "4269.3")]   // ETH tick 0.1
    [InlineData("4269.31", 4, RoundingDirection.Up, "4269.4")]
    [InlineData("109755.7", 5, RoundingDirection.Down, "109755")]  // BTC above 100k: integers
    [InlineData("109755.2", 5, RoundingDirection.Up, "109756")]
    [InlineData("65000.4", 5, RoundingDirection.Down, "65000")]    // BTC 10k-100k: tick 1
    [InlineData("40.12345", 2, RoundingDirection.Down, "40.123")]  // HYPE tick 0.001
    [InlineData("40.12301", 2, RoundingDirection.Up, "40.124")]
    [InlineData("9.99996", 2, RoundingDirection.Up, "10")]        // crosses a power of ten: 10.0000 is valid
    [InlineData("0.0012345", 0, RoundingDirection.Down, "0.001234")]
    public void RoundPrice_BidsDownAsksUp_ToTheTick(string price, int szDecimals, RoundingDirection direction, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var rules = new HyperliquidPerpRules(szDecimals);
        var rounded = rules.RoundPrice(decimal.Parse(price, inv), direction);
        Assert.Equal(decimal.Parse(expected, inv), rounded);
        Assert.True(new HyperliquidPerpRules(szDecimals).IsValidPrice(rounded));
    }

    [Theory]
    [InlineData("0.05", 4, true)]
    [InlineData("0.00005", 4, false)]
    [InlineData("1.001", 3, true)]
    [InlineData("1.0001", 3, false)]
    [InlineData("0", 3, false)]
    public void IsValidSize_LotRule(string size, int szDecimals, bool valid) =>
        Assert.Equal(valid, new HyperliquidPerpRules(szDecimals).IsValidSize(decimal.Parse(size, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void MeetsMinNotional_TenDollarsIsTheBoundary()
    {
        var eth = HyperliquidPerpCatalog.Eth.Spec;
        Assert.True(eth.MeetsMinNotional(4000m, 0.0025m));   // exactly $10
        Assert.False(eth.MeetsMinNotional(4000m, 0.0024m));  // $9.60
    }

    [Theory]
    // price, szDecimals, tick: 10^-min(6 - sz, max(0, 5 - integer digits))
    [InlineData("4285.6", 4, "0.1")]      // ETH: 4 integer digits -> 1 decimal
    [InlineData("999.95", 4, "0.01")]     // ETH below 1000: 2 decimals (6 - 4 caps it)
    [InlineData("65000", 5, "1")]         // BTC 10k-100k
    [InlineData("109755", 5, "1")]        // BTC above 100k: integers (0 decimals)
    [InlineData("40.5", 2, "0.001")]      // HYPE
    [InlineData("0.5", 0, "0.00001")]     // 0 integer digits -> 5 decimals
    public void TickAt_FollowsSignificantFiguresAndDecimalsCap(string price, int szDecimals, string tick)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        Assert.Equal(decimal.Parse(tick, inv), new HyperliquidPerpRules(szDecimals).TickAt(decimal.Parse(price, inv)));
    }

    [Theory]
    // price, coin, smallest size worth $10 in whole lots (hand: ceil(10 / price / lot) * lot)
    [InlineData("4000", "ETH", "0.0025")]     // exactly 0.0025
    [InlineData("4285.6", "ETH", "0.0024")]   // 0.0023334 -> 0.0024
    [InlineData("110000", "BTC", "0.00010")]  // 0.0000909 -> 0.0001
    [InlineData("40", "HYPE", "0.25")]        // exactly 0.25
    [InlineData("41", "HYPE", "0.25")]        // 0.2439 -> 0.25
    public void MinimumSizeAt_IsTheSmallestLotMultipleWorthTenDollars(string price, string coin, string expected)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var spec = HyperliquidPerpCatalog.ByCoin(coin)!.Spec;
        var px = decimal.Parse(price, inv);
        var size = spec.MinimumSizeAt(px);
        Assert.Equal(decimal.Parse(expected, inv), size);
        Assert.True(spec.MeetsMinNotional(px, size));
        Assert.False(spec.MeetsMinNotional(px, size - spec.LotSize));
    }

    [Fact]
    public void Rules_AreValuesOfTheirSizeDecimals()
    {
        Assert.Equal(new HyperliquidPerpRules(4), HyperliquidPerpCatalog.Eth.Spec.Rules);
        Assert.Equal(0.0001m, new HyperliquidPerpRules(4).LotSize);
        Assert.Throws<ArgumentOutOfRangeException>(() => new HyperliquidPerpRules(7));
    }
}

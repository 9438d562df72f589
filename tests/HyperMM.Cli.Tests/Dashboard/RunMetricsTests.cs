using HyperMM.Cli.Dashboard;
using HyperMM.Cli.Hosting;
using HyperMM.Cli.Output;
using HyperMM.Core.Accounting;
using HyperMM.Core.Strategy;
using HyperMM.Core.Trading;

namespace HyperMM.Cli.Tests.Dashboard;

/// <summary>The Prometheus text of a run: each figure is the status's (the table's) value, labelled strategy and coin.</summary>
public sealed class RunMetricsTests
{
    private static SlotSnapshot Eth(long requests, long fills) => new("mm_eth_perp", "ETH",
        new StrategyStatus("mm_eth_perp", "ETH", 0, StrategyMode.Quoting, null, -0.05m, 0.2m, 0m, 0m,
            new LedgerFigures
            {
                Fills = fills,
                SpreadCapture = 3.5m,
                InventoryPnl = -1.25m,
                Fees = 0.5m,
                Position = -0.05m,
                Counters = new LedgerCounters(requests, 0, 0, 0, 0, new Dictionary<string, long> { ["OrderNotFound"] = 4, ["PostOnlyWouldCross"] = 1 }),
            },
            null,
            new RequestBudget(2_500, 10_000, 0m),
            new TickToOrder(0.25, 0.2, 1.5, 100)),
        null,
        null);

    private static async Task<string> ScrapeAsync(RunMetrics metrics)
    {
        using var stream = new MemoryStream();
        await metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public async Task Scrape_ShowsTheStatusFigures_PerStrategyAndCoin()
    {
        var slots = new List<SlotSnapshot> { Eth(1234, 17), new("mm_btc_perp", "BTC", null, "could not reach the venue", null) };
        var text = await ScrapeAsync(new RunMetrics(() => slots));
        const string eth = "{strategy=\"mm_eth_perp\",coin=\"ETH\"}";
        Assert.Contains("hypermm_position" + eth + " -0.05", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_position_cap" + eth + " 0.2", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_pnl_usd" + eth + " 1.75", text, StringComparison.Ordinal); // 3.5 − 1.25 − 0.5
        Assert.Contains("hypermm_fees_usd" + eth + " 0.5", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_fills_total" + eth + " 17", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_requests_sent_total" + eth + " 1234", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_rejections_total" + eth + " 5", text, StringComparison.Ordinal); // 4 + 1
        Assert.Contains("hypermm_request_budget_left" + eth + " 7500", text, StringComparison.Ordinal); // 10,000 − 2,500
        Assert.Contains("hypermm_tick_to_order_seconds{strategy=\"mm_eth_perp\",coin=\"ETH\",quantile=\"0.99\"} 0.0015", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_strategy_up" + eth + " 1", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_strategy_up{strategy=\"mm_btc_perp\",coin=\"BTC\"} 0", text, StringComparison.Ordinal);
        Assert.DoesNotContain("hypermm_position{strategy=\"mm_btc_perp\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scrape_CountersFollowTheStatusUpwards()
    {
        var slots = new List<SlotSnapshot> { Eth(10, 1) };
        var metrics = new RunMetrics(() => slots);
        Assert.Contains("hypermm_requests_sent_total{strategy=\"mm_eth_perp\",coin=\"ETH\"} 10", await ScrapeAsync(metrics), StringComparison.Ordinal);
        slots[0] = Eth(25, 3);
        var text = await ScrapeAsync(metrics);
        Assert.Contains("hypermm_requests_sent_total{strategy=\"mm_eth_perp\",coin=\"ETH\"} 25", text, StringComparison.Ordinal);
        Assert.Contains("hypermm_fills_total{strategy=\"mm_eth_perp\",coin=\"ETH\"} 3", text, StringComparison.Ordinal);
    }
}

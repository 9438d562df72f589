using HyperMM.Core.Market;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.Simulation.Backtest;
using HyperMM.Simulation.Market;
using HyperMM.Simulation.Matching;
using HyperMM.TestSupport;
using HyperMM.TestSupport.Contract;

namespace HyperMM.Simulation.Tests.Backtest;

/// <summary>
/// The IExchange contract on the backtest's <see cref="SimulatedExchange"/>, driven as <see cref="BacktestSession"/>
/// drives it (outside events through <c>OnMarketEvent</c>, deliveries through <c>RunUntil</c>). Latency is the
/// simulator's setting, not part of the contract: it runs at zero here (answers are the same, only later; the
/// latency tests cover the timing). Events are synchronous: they are handed over by the driver's delivery step.
/// </summary>
public sealed class SimulatedExchangeContractTests : ExchangeContract
{
    private static readonly Address Account = Address.Parse("0x00000000000000000000000000000000000000c0");
    private readonly SimulationTimeProvider _time = new(1_757_015_207_737);
    private long _tradeId = 1;

    protected override ExchangeCapabilities Capabilities { get; } = new() { EventsArriveAsynchronously = false, BookSnapshotOnSubscribe = false };

    protected override long VenueNowMs => _time.NowMs;

    private SimulatedExchange Sim => (SimulatedExchange)Exchange;

    protected override Task<IExchange> StartAsync()
    {
        var sim = SimulatedExchange.Create([TestStrategies.EthSpec], new MatchingEngineOptions { ScheduleCancelVolumeGateUsd = 0m }, _time, Account, LatencyOptions.Zero, batchMarketEvents: false);
        sim.Engine.Deposit(Account, ContractMarket.AccountUsdc);
        sim.OnMarketEvent(MarketEvent.OfBook(ContractMarket.Book(_time.NowMs)));
        return Task.FromResult<IExchange>(sim);
    }

    protected override Task StopAsync() => Task.CompletedTask;

    protected override ValueTask PublishBookAsync()
    {
        Sim.OnMarketEvent(MarketEvent.OfBook(ContractMarket.Book(_time.NowMs)));
        return ValueTask.CompletedTask;
    }

    protected override ValueTask OutsideTradeAsync(Side aggressor, decimal price, decimal size)
    {
        Sim.OnMarketEvent(MarketEvent.OfTrade(new Trade(ContractMarket.Eth, _time.NowMs, aggressor, price, size, _tradeId++)));
        return ValueTask.CompletedTask;
    }

    protected override ValueTask AdvanceAsync(TimeSpan elapsed)
    {
        var to = _time.NowMs + (long)elapsed.TotalMilliseconds;
        Sim.RunUntil(to);
        _time.SetNow(to);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask DeliverAsync()
    {
        Sim.RunUntil(_time.NowMs);
        return ValueTask.CompletedTask;
    }
}

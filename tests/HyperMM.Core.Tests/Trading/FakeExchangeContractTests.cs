using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.TestSupport;
using HyperMM.TestSupport.Contract;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.Core.Tests.Trading;

/// <summary>The IExchange contract on the loop tests' <see cref="FakeExchange"/>: synchronous events, no snapshot on subscribe.</summary>
public sealed class FakeExchangeContractTests : ExchangeContract
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1_757_015_207_737));

    protected override ExchangeCapabilities Capabilities { get; } = new() { EventsArriveAsynchronously = false, BookSnapshotOnSubscribe = false };

    protected override long VenueNowMs => _time.GetUtcNow().ToUnixTimeMilliseconds();

    private FakeExchange Fake => (FakeExchange)Exchange;

    protected override Task<IExchange> StartAsync()
    {
        var fake = new FakeExchange(TestStrategies.EthSpec, _time) { AccountValueUsd = ContractMarket.AccountUsdc, ScheduleCancelVolumeGateUsd = 0m };
        fake.PushBook(ContractMarket.Book(VenueNowMs));
        return Task.FromResult<IExchange>(fake);
    }

    protected override Task StopAsync() => Task.CompletedTask;

    protected override ValueTask PublishBookAsync()
    {
        Fake.PushBook(ContractMarket.Book(VenueNowMs));
        return ValueTask.CompletedTask;
    }

    protected override ValueTask OutsideTradeAsync(Side aggressor, decimal price, decimal size)
    {
        Fake.OutsideTrade(aggressor, price, size);
        return ValueTask.CompletedTask;
    }

    protected override ValueTask AdvanceAsync(TimeSpan elapsed)
    {
        _time.Advance(elapsed);
        return ValueTask.CompletedTask;
    }
}

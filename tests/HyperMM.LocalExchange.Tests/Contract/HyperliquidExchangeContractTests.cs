using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;
using HyperMM.LocalExchange.Tests.Support;
using HyperMM.TestSupport.Contract;
using Microsoft.Extensions.Time.Testing;

namespace HyperMM.LocalExchange.Tests.Contract;

/// <summary>
/// The IExchange contract on the project's Hyperliquid client (<see cref="Hyperliquid.HyperliquidExchange"/>: REST
/// /info and /exchange, signed actions, the WebSocket) against the local exchange in process over loopback (Kestrel).
/// The venue runs on a fake clock that the test moves; events arrive over the socket, and subscribing pushes the
/// current book, as on Hyperliquid.
/// </summary>
public sealed class HyperliquidExchangeContractTests : ExchangeContract
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private TestVenue? _venue;
    private long _tradeId = 1;

    protected override ExchangeCapabilities Capabilities { get; } = new() { EventsArriveAsynchronously = true, BookSnapshotOnSubscribe = true };

    protected override long VenueNowMs => _clock.GetUtcNow().ToUnixTimeMilliseconds();

    private TestVenue Venue => _venue ?? throw new InvalidOperationException("not started");

    protected override async Task<IExchange> StartAsync()
    {
        _venue = await TestVenue.StartAsync(new LocalExchangeOptions { Time = _clock, ScheduleCancelVolumeGate = 0m });
        return ClientFactory.Create(_venue.Handle, _venue.Account, _venue.Http);
    }

    protected override async Task StopAsync()
    {
        if (_venue is not null)
        {
            await _venue.DisposeAsync();
        }
    }

    protected override ValueTask PublishBookAsync()
    {
        Venue.Market.Book(ContractMarket.Eth.Name, ContractMarket.BestBid, ContractMarket.BestAsk, ContractMarket.Tick, ContractMarket.LevelSize, ContractMarket.Levels);
        Venue.Step();
        return ValueTask.CompletedTask;
    }

    protected override ValueTask OutsideTradeAsync(Side aggressor, decimal price, decimal size)
    {
        Venue.Market.Trade(ContractMarket.Eth.Name, aggressor, price, size, _tradeId++);
        Venue.Step();
        return ValueTask.CompletedTask;
    }

    protected override ValueTask AdvanceAsync(TimeSpan elapsed)
    {
        _clock.Advance(elapsed);
        return ValueTask.CompletedTask;
    }
}

using HyperMM.LocalExchange.Faults;
using HyperMM.LocalExchange.Market;
using HyperMM.LocalExchange.Ws;

namespace HyperMM.LocalExchange;

/// <summary>How the local exchange runs. Defaults: testnet signatures, a free loopback port, synthetic market.</summary>
public sealed record LocalExchangeOptions
{
    /// <summary>TCP port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Listen on every interface instead of loopback only. Off by default: nothing listens beyond loopback
    /// unless asked.
    /// </summary>
    public bool ListenOnAllInterfaces { get; init; }

    /// <summary>Serve as mainnet (phantom agent source "a", "Mainnet" user-signed chain). Default: testnet.</summary>
    public bool IsMainnet { get; init; }

    /// <summary>Replay this recording instead of the synthetic market (null: synthetic).</summary>
    public string? ReplayPath { get; init; }

    /// <summary>Replay / synthetic clock speed factor (1 = real time).</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>A custom outside market (tests, tools); overrides <see cref="ReplayPath"/> and the synthetic market.</summary>
    public IMarketSource? MarketSource { get; init; }

    /// <summary>Seed of the synthetic market.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Interval between synthetic market steps (book push + trades).</summary>
    public TimeSpan MarketStep { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Per-IP REST weight per minute (venue: 1200); 0 switches the limit off.</summary>
    public int IpWeightPerMinute { get; init; } = 1200;

    /// <summary>WebSocket limits per IP (venue: PROTOCOL §7.1); <see cref="WsLimits.Off"/> for load tests.</summary>
    public WsLimits WebSocketLimits { get; init; } = WsLimits.Venue;

    /// <summary>Initial per-address request buffer before traded volume counts (venue: 10,000).</summary>
    public long AddressRequestBuffer { get; init; } = 10_000;

    /// <summary>Cumulative volume an account needs before <c>scheduleCancel</c> is accepted (venue: $1,000,000).</summary>
    public decimal ScheduleCancelVolumeGate { get; init; } = 1_000_000m;

    /// <summary>Open orders per account (venue: 1000 by default).</summary>
    public int OpenOrderLimit { get; init; } = 1000;

    /// <summary>Faults switched on from the start (all can be changed at run time).</summary>
    public FaultOptions Faults { get; init; } = new();

    /// <summary>Clock of the venue (nonce window, rate windows, timestamps). Default: the system clock.</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

namespace HyperMM.Core.Trading;

/// <summary>
/// Something the venue pushed. <see cref="TimeMs"/> is the venue's timestamp where it gives one (Unix ms),
/// otherwise the receive time.
/// </summary>
public abstract record ExchangeEvent(long TimeMs);

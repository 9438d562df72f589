namespace HyperMM.Hyperliquid.Accounts;

/// <summary>
/// Nonces for one signer (PROTOCOL §7.4): Unix milliseconds from <see cref="TimeProvider"/>, strictly increasing
/// even when several threads ask in the same millisecond or the clock steps back: <c>max(now_ms, last + 1)</c>.
/// Use one instance per signing key (agents are separate signers).
/// </summary>
public sealed class NonceSource(TimeProvider timeProvider)
{
    private readonly TimeProvider _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    private long _last;

    /// <summary>The last nonce handed out (0 before the first).</summary>
    public long Last => Interlocked.Read(ref _last);

    public long Next()
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last)
            {
                return next;
            }
        }
    }
}

using System.Globalization;
using HyperMM.Core.Primitives;

namespace HyperMM.LocalExchange.Limits;

/// <summary>
/// The venue's nonce rules (PROTOCOL §7.4): per signer (master or agent), the 100 highest nonces are kept; a new
/// nonce must be greater than the smallest of them once 100 are held, must never have been used, and must lie in
/// (T − 2 days, T + 1 day) of the server time T. Thread-safe.
/// </summary>
public sealed class NonceBook
{
    public const int Kept = 100;
    private static readonly long WindowBackMs = (long)TimeSpan.FromDays(2).TotalMilliseconds;
    private static readonly long WindowAheadMs = (long)TimeSpan.FromDays(1).TotalMilliseconds;

    private readonly Dictionary<Address, SortedSet<long>> _bySigner = [];
    private readonly Lock _gate = new();

    /// <summary>Checks and, when valid, records the nonce. Returns null when accepted, else the venue's error text.</summary>
    public string? TryUse(Address signer, long nonce, long nowMs)
    {
        lock (_gate)
        {
            var error = Check(signer, nonce, nowMs);
            if (error is null)
            {
                Record(signer, nonce);
            }

            return error;
        }
    }

    /// <summary>The venue's error text for this nonce, or null when it would be accepted (nothing recorded).</summary>
    public string? Check(Address signer, long nonce, long nowMs)
    {
        if (nonce <= nowMs - WindowBackMs)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: nonce too low {nonce} < {nowMs - WindowBackMs}");
        }

        if (nonce >= nowMs + WindowAheadMs)
        {
            return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: nonce too high {nonce} > {nowMs + WindowAheadMs}");
        }

        lock (_gate)
        {
            if (!_bySigner.TryGetValue(signer, out var set))
            {
                return null;
            }

            if (set.Contains(nonce))
            {
                return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: duplicate nonce {nonce}");
            }

            if (set.Count >= Kept && nonce <= set.Min)
            {
                return string.Create(CultureInfo.InvariantCulture, $"Invalid nonce: nonce too low {nonce} < {set.Min}");
            }

            return null;
        }
    }

    /// <summary>Records a nonce that <see cref="Check"/> accepted.</summary>
    public void Record(Address signer, long nonce)
    {
        lock (_gate)
        {
            if (!_bySigner.TryGetValue(signer, out var set))
            {
                set = [];
                _bySigner[signer] = set;
            }

            set.Add(nonce);
            if (set.Count > Kept)
            {
                set.Remove(set.Min);
            }
        }
    }
}

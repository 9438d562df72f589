using HyperMM.Core.Model;
using HyperMM.Core.Primitives;
using HyperMM.Core.Trading;

namespace HyperMM.Core.Strategy;

/// <summary>Per-side pause after repeating rejections.</summary>
public sealed partial class StrategyRunner
{
    /// <summary>Exponential pause for one side after a rejection that would repeat if retried at once.</summary>
    private sealed class SideBackoff
    {
        private long _until = long.MinValue;
        private int _delayMs;

        public bool IsActive(long now) => now < _until;

        public int Trip(long now)
        {
            _delayMs = _delayMs == 0 ? BackoffStartMs : Math.Min(BackoffMaxMs, _delayMs * 2);
            _until = now + _delayMs;
            return _delayMs;
        }

        public void Reset()
        {
            _delayMs = 0;
            _until = long.MinValue;
        }
    }
}

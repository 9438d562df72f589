using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using HyperMM.Core.Trading;

namespace HyperMM.Simulation.Backtest;

/// <summary>
/// The strategy's event stream in a backtest. Unlike a channel, adding events never wakes the reader: the driver
/// wakes the strategy loop itself (by firing its timer), on the driver's own thread, so a run has no thread hops.
/// Used only from the driver thread or from the loop while the driver waits for it.
/// </summary>
internal sealed class SimulatedEventReader : ChannelReader<ExchangeEvent>
{
    private readonly Queue<ExchangeEvent> _queue = new();
    private TaskCompletionSource<bool>? _waiter;
    private bool _completed;

    public override bool CanCount => true;

    public override int Count => _queue.Count;

    public void Enqueue(ExchangeEvent ev) => _queue.Enqueue(ev);

    public void Complete()
    {
        _completed = true;
        _waiter?.TrySetResult(false);
    }

    public override bool TryRead([MaybeNullWhen(false)] out ExchangeEvent item) => _queue.TryDequeue(out item);

    public override ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken = default)
    {
        if (_queue.Count > 0)
        {
            return new ValueTask<bool>(true);
        }

        if (_completed)
        {
            return new ValueTask<bool>(false);
        }

        _waiter ??= new TaskCompletionSource<bool>();
        return new ValueTask<bool>(_waiter.Task);
    }
}

using System.Text.Json;
using HyperMM.Journal;
using Microsoft.Data.Sqlite;

namespace HyperMM.Cli.Dashboard;

/// <summary>
/// Polls the journal every <see cref="PollInterval"/> and keeps the newest <see cref="DashboardState"/> as JSON.
/// Listeners wait on <see cref="WaitForChangeAsync"/>. A journal that does not exist yet, or cannot be read for a
/// moment, becomes a state with a <see cref="DashboardState.Problem"/> and is retried at the next poll.
/// </summary>
public sealed class DashboardFeed : IAsyncDisposable
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// The state is rebuilt (every strategy's ledger replayed from the journal) at most this often, however often the
    /// journal changes, so a long run does not keep a core busy.
    /// </summary>
    public static readonly TimeSpan MinRebuildInterval = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly RunSelection _runs;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly object _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DashboardJournalReader? _reader;
    private string? _fingerprint;
    private DateTimeOffset _lastRebuild = DateTimeOffset.MinValue;

    public DashboardFeed(string path, TimeProvider time, RunSelection? runs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(time);
        _path = path;
        _time = time;
        _runs = runs ?? RunSelection.Latest;
        CurrentJson = Serialize(new DashboardState(0, path, "waiting for the journal", [], []));
        Poll();
        _loop = Task.Run(LoopAsync);
    }

    public long Version { get; private set; }

    /// <summary>The newest state, serialised.</summary>
    public string CurrentJson { get; private set; }

    /// <summary>Completes when the state's version moves past <paramref name="seen"/> (or at once if it already has).</summary>
    public Task WaitForChangeAsync(long seen, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Version != seen ? Task.CompletedTask : _changed.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _reader?.Dispose();
        _stop.Dispose();
    }

    private static string Serialize(DashboardState state) => JsonSerializer.Serialize(state, Json);

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            await Task.Delay(PollInterval, _time, _stop.Token).ConfigureAwait(false);
            Poll();
        }
    }

    private void Poll()
    {
        DashboardState? next = null;
        try
        {
            if (!File.Exists(_path))
            {
                next = Problem($"no journal at {_path} yet");
            }
            else
            {
                _reader ??= new DashboardJournalReader(_path, _runs);
                var fingerprint = _reader.Fingerprint();
                var now = _time.GetUtcNow();
                if (fingerprint == _fingerprint || (_fingerprint is not null && now - _lastRebuild < MinRebuildInterval))
                {
                    return;
                }

                _lastRebuild = now;

                var (run, strategies, errors) = _reader.Read();
                _fingerprint = fingerprint;
                next = new DashboardState(Version + 1, _path, null, strategies, errors, run);
            }
        }
        catch (Exception ex) when (ex is JournalException or SqliteException or RunSelectionException)
        {
            // The file exists but is not (yet) a usable journal, or is locked for a moment: show it, retry next poll.
            _reader?.Dispose();
            _reader = null;
            _fingerprint = null;
            next = Problem("cannot read the journal: " + ex.Message);
        }

        Publish(next);
    }

    private DashboardState Problem(string message) => new(Version + 1, _path, message, [], []);

    private void Publish(DashboardState state)
    {
        var json = Serialize(state);
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (state.Problem is not null && CurrentJson.Contains(JsonSerializer.Serialize(state.Problem, Json), StringComparison.Ordinal))
            {
                return; // the same problem again: nothing new to send
            }

            CurrentJson = json;
            Version = state.Version;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}

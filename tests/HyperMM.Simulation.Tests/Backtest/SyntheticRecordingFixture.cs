using HyperMM.Simulation.Market;

namespace HyperMM.Simulation.Tests.Backtest;

/// <summary>
/// Two minutes of the synthetic ETH, BTC and HYPE market written by <see cref="RecordingWriter"/> (the format
/// <c>hypermm record</c> writes) to a temporary file; the only recording with HYPE in it.
/// </summary>
public sealed class SyntheticRecordingFixture : IDisposable
{
    public const string Name = "synthetic recording (RecordingWriter)";

    public SyntheticRecordingFixture()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"hypermm-synthetic-{Guid.NewGuid():N}.jsonl.gz");
        var market = new SyntheticMarket(SyntheticCoinProfile.Defaults, seed: 11, startMs: 1_757_000_000_000);
        using var writer = RecordingWriter.Create(Path);
        foreach (var e in market.Step(TimeSpan.FromMinutes(2)))
        {
            if (e.Kind == MarketEventKind.Book)
            {
                writer.WriteBook(e.TimeMs + 3, e.Book!);
            }
            else
            {
                writer.WriteTrades(e.TimeMs + 3, [e.Trade]);
            }
        }
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}

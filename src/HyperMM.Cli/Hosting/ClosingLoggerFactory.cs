using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// The run's log files, closed without taking the run down: when the disk is full (or a file-size limit is hit), closing
/// a log file fails while flushing its last lines. The run has already printed its summary and chosen its exit code by
/// then, so the failure is one warning line instead of an unhandled exception that would replace both.
/// </summary>
public sealed class ClosingLoggerFactory(ILoggerFactory inner, TextWriter warnings) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => inner.CreateLogger(categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentOutOfRangeException)
        {
            // ArgumentOutOfRangeException is what .NET throws for EFBIG (the file-size limit) while flushing.
            warnings.WriteLine("warning: the log files could not be closed cleanly (their last lines may be missing): " + ex.Message);
        }
    }
}

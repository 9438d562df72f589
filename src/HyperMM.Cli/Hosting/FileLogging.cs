using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Structured logs (Microsoft.Extensions.Logging, written by Serilog as compact JSON lines) to
/// <c>{folder}/hypermm-YYYYMMDD.log</c>: a new file each day and whenever one reaches <see cref="FileSizeLimitBytes"/>
/// (then <c>hypermm-YYYYMMDD_001.log</c>, …); the newest <see cref="RetainedFiles"/> files are kept, so logs never
/// take more than 50 MB. The console belongs to the live table. Levels: <see cref="LogLevels"/>.
/// </summary>
public static class FileLogging
{
    public const long FileSizeLimitBytes = 10L * 1024 * 1024;

    public const int RetainedFiles = 5;

    public static ILoggerFactory Create(string folder, LogLevel level)
    {
        Directory.CreateDirectory(folder);
        // Serilog's provider takes every level from Microsoft.Extensions.Logging (its provider-specific rule wins over
        // the factory's rules), so the levels are set here, on Serilog itself.
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Is(ToSerilog(level))
            .MinimumLevel.Override("Microsoft", ToSerilog(LogLevels.Framework(level)))
            .Enrich.FromLogContext()
            .WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(folder, "hypermm-.log"),
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: FileSizeLimitBytes,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: RetainedFiles,
                shared: true,
                flushToDiskInterval: TimeSpan.FromSeconds(1))
            .CreateLogger();
        return LoggerFactory.Create(builder => LogLevels.Apply(builder.AddSerilog(serilog, dispose: true), level));
    }

    private static LogEventLevel ToSerilog(LogLevel level) => level switch
    {
        LogLevel.Trace => LogEventLevel.Verbose,
        LogLevel.Debug => LogEventLevel.Debug,
        LogLevel.Information => LogEventLevel.Information,
        LogLevel.Warning => LogEventLevel.Warning,
        LogLevel.Error => LogEventLevel.Error,
        _ => LogEventLevel.Fatal,
    };
}

using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Formatting.Compact;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// Structured logs (Microsoft.Extensions.Logging, written by Serilog as compact JSON lines) to
/// <c>{folder}/hypermm-YYYYMMDD.log</c>, one file per day. The console belongs to the live table.
/// </summary>
public static class FileLogging
{
    public static ILoggerFactory Create(string folder, bool debug)
    {
        Directory.CreateDirectory(folder);
        var configuration = new LoggerConfiguration()
            .Enrich.FromLogContext()
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "hypermm-.log"), rollingInterval: RollingInterval.Day, shared: true, flushToDiskInterval: TimeSpan.FromSeconds(1));
        configuration = debug ? configuration.MinimumLevel.Debug() : configuration.MinimumLevel.Information();
        var serilog = configuration.CreateLogger();
        return LoggerFactory.Create(builder => builder.AddSerilog(serilog, dispose: true).SetMinimumLevel(debug ? LogLevel.Debug : LogLevel.Information));
    }
}

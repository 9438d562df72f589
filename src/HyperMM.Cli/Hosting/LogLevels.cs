using HyperMM.Cli.Commands;
using HyperMM.Cli.Failures;
using Microsoft.Extensions.Logging;

namespace HyperMM.Cli.Hosting;

/// <summary>
/// <c>--log-level</c> (run, exchange): debug, info, warn or error. The embedded web servers' per-request lines
/// (ASP.NET Core's "Request starting/finished" and endpoint lines, categories <c>Microsoft.*</c> at Information)
/// appear only at debug: at info a 60 s default run wrote 544 lines, 508 of them request lines.
/// </summary>
public static class LogLevels
{
    public static readonly IReadOnlyList<string> Names = ["debug", "info", "warn", "error"];

    public static LogLevel Parse(string text) => text switch
    {
        "debug" => LogLevel.Debug,
        "info" => LogLevel.Information,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => throw new UsageException($"--log-level: '{text}' is not one of {string.Join(", ", Names)}"),
    };

    /// <summary>The level for framework categories (<c>Microsoft.*</c>): warnings and worse, everything at debug.</summary>
    public static LogLevel Framework(LogLevel level) => level <= LogLevel.Debug ? level : (LogLevel)Math.Max((int)level, (int)LogLevel.Warning);

    /// <summary>Applies <paramref name="level"/> to the app and <see cref="Framework"/> to <c>Microsoft.*</c>.</summary>
    public static ILoggingBuilder Apply(ILoggingBuilder builder, LogLevel level)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.SetMinimumLevel(level).AddFilter("Microsoft", Framework(level));
    }
}

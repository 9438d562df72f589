using System.Net.Sockets;
using HyperMM.Cli.Commands;
using HyperMM.Cli.Config;
using HyperMM.Cli.Failures;
using HyperMM.Cli.Hosting;
using HyperMM.Cli.Safety;
using HyperMM.Core.Trading;
using HyperMM.Hyperliquid.Info;
using HyperMM.Journal;
using Microsoft.Data.Sqlite;

namespace HyperMM.Cli.Tests.Commands;

public sealed class CommandRunnerTests
{
    public static TheoryData<Exception, int> Expected => new()
    {
        { new UsageException("--port: 99999 is not a port"), ExitCodes.Usage },
        { new ConfigException("config/strategies.yaml: line 3: unknown key"), ExitCodes.Usage },
        { new RunSelectionException("--run: no run 7 in the journal (runs: 1, 2)"), ExitCodes.Usage },
        { new IOException("disk gone"), ExitCodes.Usage },
        { new UnauthorizedAccessException("denied"), ExitCodes.Usage },
        { new HttpRequestException("Connection refused"), ExitCodes.VenueUnreachable },
        { new SocketException(111), ExitCodes.VenueUnreachable },
        { new TimeoutException("no answer"), ExitCodes.VenueUnreachable },
        { new HyperliquidInfoException(RejectReason.Transport, "/info failed after 3 attempts: Connection refused"), ExitCodes.VenueUnreachable },
        { new HyperliquidInfoException(RejectReason.HttpRateLimited, "/info still rate limited"), ExitCodes.VenueUnreachable },
        { new SqliteException("SQLite Error 5: 'database is locked'.", 5), ExitCodes.JournalError },
        { new JournalException("journal x is not a database"), ExitCodes.JournalError },
        { new LeaseHeldException("account 0x… is traded by pid 12"), ExitCodes.LeaseHeld },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Classify_ExpectedFailures_GetTheirDocumentedExitCodeAndOneLine(Exception failure, int code)
    {
        var classified = CommandRunner.Classify(failure);
        Assert.NotNull(classified);
        Assert.Equal(code, classified.Value.Code);
        Assert.StartsWith("error: ", classified.Value.Line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', classified.Value.Line);
    }

    [Fact]
    public void Classify_AVenueThatAnswered4xx_IsNotUnreachable_AndABugIsNotClassified()
    {
        Assert.Null(CommandRunner.Classify(new HyperliquidInfoException(RejectReason.Unknown, "/info: HTTP 422")));
        Assert.Null(CommandRunner.Classify(new InvalidOperationException("a bug")));
    }
}

using System.Net;

namespace HyperMM.Hyperliquid.Tests.Exchange;

/// <summary>An HttpMessageHandler that answers from a queue and records what was sent (request bodies as text).</summary>
internal sealed class StubHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpResponseMessage>> _answers = new();

    public List<(Uri Uri, string Body)> Requests { get; } = [];

    public StubHandler Answer(HttpStatusCode status, string body)
    {
        _answers.Enqueue(() => new HttpResponseMessage(status) { Content = new StringContent(body) });
        return this;
    }

    public StubHandler Throw(Exception ex)
    {
        _answers.Enqueue(() => throw ex);
        return this;
    }

    /// <summary>Never answers until cancelled (a timeout).</summary>
    public StubHandler Hang()
    {
        _answers.Enqueue(() => null!);
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add((request.RequestUri!, await request.Content!.ReadAsStringAsync(cancellationToken)));
        var answer = _answers.Dequeue()();
        if (answer is null)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        return answer!;
    }
}

using System.Globalization;
using HyperMM.Core.Primitives;
using HyperMM.LocalExchange.Limits;

namespace HyperMM.LocalExchange.Ws;

/// <summary>
/// Enforces <see cref="WsLimits"/> per IP across that IP's connections, with the venue's error texts (NK issue
/// #78 quotes the live ones: "Cannot subscribe to more than 1000 channels.", "Cannot track more than 10 total
/// users.", "Cannot send more than 2000 messages per minute."). How the venue refuses an 11th connection is not
/// recorded: here the upgrade is answered HTTP 429 with a one-line reason. Thread-safe.
/// </summary>
public sealed class WsIpLimiter
{
    private readonly WsLimits _limits;
    private readonly IpWeightLimiter _newConnections;
    private readonly IpWeightLimiter _messages;
    private readonly Dictionary<string, IpState> _byIp = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public WsIpLimiter(WsLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        _limits = limits;
        _newConnections = new IpWeightLimiter(limits.NewConnectionsPerMinute, time);
        _messages = new IpWeightLimiter(limits.MessagesPerMinute, time);
    }

    /// <summary>Admits a new connection (and counts it) or returns why not.</summary>
    public string? Admit(string ip)
    {
        lock (_gate)
        {
            var state = State(ip);
            if (_limits.MaxConnections > 0 && state.Connections >= _limits.MaxConnections)
            {
                return Text($"429 Too Many Requests: at most {_limits.MaxConnections} WebSocket connections per IP.");
            }

            if (!_newConnections.TryCharge(ip, 1))
            {
                return Text($"429 Too Many Requests: at most {_limits.NewConnectionsPerMinute} new WebSocket connections per minute per IP.");
            }

            state.Connections++;
            return null;
        }
    }

    /// <summary>An admitted connection of <paramref name="ip"/> ended (its subscriptions are released one by one).</summary>
    public void Release(string ip)
    {
        lock (_gate)
        {
            var state = State(ip);
            state.Connections = Math.Max(0, state.Connections - 1);
        }
    }

    /// <summary>Counts one message from a client; the error text when the IP sent too many this minute.</summary>
    public string? Message(string ip)
        => _messages.TryCharge(ip, 1) ? null : Text($"Cannot send more than {_limits.MessagesPerMinute} messages per minute.");

    /// <summary>Counts a new subscription, or returns the venue's refusal (then nothing is counted).</summary>
    public string? Subscribe(string ip, WsSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            var state = State(ip);
            if (_limits.MaxSubscriptions > 0 && state.Subscriptions >= _limits.MaxSubscriptions)
            {
                return Text($"Cannot subscribe to more than {_limits.MaxSubscriptions} channels.");
            }

            if (subscription.User is { } user && !state.Users.ContainsKey(user) && _limits.MaxUsers > 0 && state.Users.Count >= _limits.MaxUsers)
            {
                return Text($"Cannot track more than {_limits.MaxUsers} total users.");
            }

            state.Subscriptions++;
            if (subscription.User is { } u)
            {
                state.Users[u] = state.Users.GetValueOrDefault(u) + 1;
            }

            return null;
        }
    }

    public void Unsubscribe(string ip, WsSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        lock (_gate)
        {
            Forget(State(ip), subscription);
        }
    }

    private static void Forget(IpState state, WsSubscription subscription)
    {
        state.Subscriptions = Math.Max(0, state.Subscriptions - 1);
        if (subscription.User is { } user && state.Users.TryGetValue(user, out var n))
        {
            if (n <= 1)
            {
                state.Users.Remove(user);
            }
            else
            {
                state.Users[user] = n - 1;
            }
        }
    }

    private IpState State(string ip)
    {
        if (!_byIp.TryGetValue(ip, out var state))
        {
            state = new IpState();
            _byIp[ip] = state;
        }

        return state;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed class IpState
    {
        public int Connections { get; set; }

        public int Subscriptions { get; set; }

        public Dictionary<Address, int> Users { get; } = [];
    }
}

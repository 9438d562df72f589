using System.Text.Json;
using HyperMM.Simulation.Matching;

namespace HyperMM.LocalExchange.Json;

/// <summary><c>clearinghouseState</c> (PROTOCOL §1.4) from the engine's account view. Every position is cross margin.</summary>
public static class AccountJson
{
    public static void WriteClearinghouseState(Utf8JsonWriter w, SimAccountState a, Func<string, int> maxLeverage, long timeMs)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(maxLeverage);
        w.WriteStartObject();
        w.WriteStartArray("assetPositions");
        var notional = 0m;
        foreach (var p in a.Positions)
        {
            if (p.Size == 0m)
            {
                continue; // flat coins are absent
            }

            var value = Math.Abs(p.Size) * p.MarkPrice;
            notional += value;
            w.WriteStartObject();
            w.WriteString("type", "oneWay");
            w.WriteStartObject("position");
            w.WriteString("coin", p.Coin.Name);
            w.WriteString("szi", Num.Format(p.Size));
            w.WriteStartObject("leverage");
            w.WriteString("type", "cross");
            w.WriteNumber("value", p.Leverage);
            w.WriteEndObject();
            w.WriteString("entryPx", Num.Format(p.EntryPrice));
            w.WriteString("positionValue", Num.Format(value));
            w.WriteString("unrealizedPnl", Num.Format(p.UnrealizedPnl));
            w.WriteString("returnOnEquity", Num.Format(p.MarginUsed == 0m ? 0m : p.UnrealizedPnl / p.MarginUsed));
            w.WriteNull("liquidationPx");
            w.WriteString("marginUsed", Num.Format(p.MarginUsed));
            w.WriteNumber("maxLeverage", maxLeverage(p.Coin.Name));
            w.WriteStartObject("cumFunding");
            w.WriteString("allTime", "0.0");
            w.WriteString("sinceOpen", "0.0");
            w.WriteString("sinceChange", "0.0");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        WriteSummary(w, "marginSummary", a, notional);
        WriteSummary(w, "crossMarginSummary", a, notional);
        w.WriteString("crossMaintenanceMarginUsed", Num.Format(a.MarginUsed / 2m));
        w.WriteString("withdrawable", Num.Format(a.Withdrawable));
        w.WriteNumber("time", timeMs);
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, string name, SimAccountState a, decimal notional)
    {
        w.WriteStartObject(name);
        w.WriteString("accountValue", Num.Format(a.AccountValue));
        w.WriteString("totalNtlPos", Num.Format(notional));
        w.WriteString("totalRawUsd", Num.Format(a.Balance));
        w.WriteString("totalMarginUsed", Num.Format(a.MarginUsed));
        w.WriteEndObject();
    }
}

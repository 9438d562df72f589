using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Actions;
using HyperMM.Hyperliquid.Wire;

namespace HyperMM.Hyperliquid.Json;

/// <summary>
/// JSON ⇄ typed action. Parsing accepts keys in any order (the typed record fixes the hashing order), canonicalises
/// numbers (as the venue does when it rebuilds the msgpack) and rejects unknown action types and unknown fields.
/// </summary>
public static class ActionJson
{
    public static readonly IReadOnlyList<string> SupportedTypes =
        ["order", "cancel", "cancelByCloid", "modify", "batchModify", "scheduleCancel", "updateLeverage", "noop", "approveAgent"];

    public static void Write(Utf8JsonWriter writer, HyperliquidAction action)
    {
        ArgumentNullException.ThrowIfNull(action);
        action.Write(new JsonWireWriter(writer));
    }

    public static string ToJson(HyperliquidAction action)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            Write(writer, action);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static HyperliquidAction Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new WireFormatException($"action: not valid JSON ({ex.Message})", ex);
        }
    }

    public static HyperliquidAction Parse(JsonElement element, string path = "action")
    {
        var fields = new JsonFields(element, path);
        var type = fields.GetString("type");
        HyperliquidAction action = type switch
        {
            "order" => ParseOrderAction(fields),
            "cancel" => ParseCancel(fields),
            "cancelByCloid" => ParseCancelByCloid(fields),
            "modify" => new ModifyAction(
                ParseOrderRef(fields.Required("oid"), path + ".oid"),
                ParseOrderWire(fields.Required("order"), path + ".order"),
                ParseTrueFlag(fields, "a")),
            "batchModify" => ParseBatchModify(fields),
            "scheduleCancel" => new ScheduleCancelAction(fields.OptionalLong("time")),
            "updateLeverage" => new UpdateLeverageAction(new AssetId(fields.GetInt("asset")), fields.GetBool("isCross"), fields.GetInt("leverage")),
            "noop" => new NoopAction(),
            "approveAgent" => ParseApproveAgent(fields),
            _ => throw new WireFormatException(
                $"{path}.type: unknown action type '{type}' (supported: {string.Join(", ", SupportedTypes)})."),
        };
        fields.End();
        return action;
    }

    public static OrderWire ParseOrderWire(JsonElement element, string path)
    {
        var fields = new JsonFields(element, path);
        var asset = new AssetId(fields.GetInt("a"));
        var isBuy = fields.GetBool("b");
        var price = fields.Number("p");
        var size = fields.Number("s");
        var reduceOnly = fields.GetBool("r");
        var kind = ParseOrderKind(fields.Required("t"), path + ".t");
        Cloid? cloid = fields.Optional("c") is { } c ? JsonFields.AsCloid(c, path + ".c") : null;
        fields.End();
        CheckWireNumber(price, path + ".p");
        CheckWireNumber(size, path + ".s");
        return new OrderWire(asset, isBuy, price, size, reduceOnly, kind, cloid);
    }

    private static OrderAction ParseOrderAction(JsonFields fields)
    {
        var orders = new List<OrderWire>();
        var i = 0;
        foreach (var order in fields.Array("orders").EnumerateArray())
        {
            orders.Add(ParseOrderWire(order, $"{fields.Path}.orders[{i++}]"));
        }

        var groupingText = fields.GetString("grouping");
        if (!WireNames.TryParseGrouping(groupingText, out var grouping))
        {
            throw new WireFormatException($"{fields.Path}.grouping: unknown grouping '{groupingText}' (na, normalTpsl, positionTpsl).");
        }

        if (fields.Has("builder"))
        {
            throw new WireFormatException($"{fields.Path}: field 'builder' (builder fees) is not supported.");
        }

        return new OrderAction(orders, grouping);
    }

    private static CancelAction ParseCancel(JsonFields fields)
    {
        var cancels = new List<CancelWire>();
        var i = 0;
        foreach (var element in fields.Array("cancels").EnumerateArray())
        {
            var cancel = new JsonFields(element, $"{fields.Path}.cancels[{i++}]");
            cancels.Add(new CancelWire(new AssetId(cancel.GetInt("a")), new OrderId(cancel.GetLong("o"))));
            cancel.End();
        }

        return new CancelAction(cancels, ParseTrueFlag(fields, "f"));
    }

    private static CancelByCloidAction ParseCancelByCloid(JsonFields fields)
    {
        var cancels = new List<CancelByCloidWire>();
        var i = 0;
        foreach (var element in fields.Array("cancels").EnumerateArray())
        {
            var cancel = new JsonFields(element, $"{fields.Path}.cancels[{i++}]");
            cancels.Add(new CancelByCloidWire(new AssetId(cancel.GetInt("asset")), cancel.Cloid("cloid")));
            cancel.End();
        }

        return new CancelByCloidAction(cancels, ParseTrueFlag(fields, "f"));
    }

    private static BatchModifyAction ParseBatchModify(JsonFields fields)
    {
        var modifies = new List<ModifyWire>();
        var i = 0;
        foreach (var element in fields.Array("modifies").EnumerateArray())
        {
            var path = $"{fields.Path}.modifies[{i++}]";
            var modify = new JsonFields(element, path);
            modifies.Add(new ModifyWire(
                ParseOrderRef(modify.Required("oid"), path + ".oid"),
                ParseOrderWire(modify.Required("order"), path + ".order")));
            modify.End();
        }

        return new BatchModifyAction(modifies, ParseTrueFlag(fields, "a"));
    }

    private static ApproveAgentAction ParseApproveAgent(JsonFields fields)
    {
        var chain = fields.GetString("hyperliquidChain");
        var isMainnet = chain switch
        {
            "Mainnet" => true,
            "Testnet" => false,
            _ => throw new WireFormatException($"{fields.Path}.hyperliquidChain: expected Mainnet or Testnet, got '{chain}'."),
        };
        var agent = fields.Address("agentAddress");
        var name = fields.OptionalString("agentName");
        var nonce = fields.GetLong("nonce");
        var chainId = fields.GetString("signatureChainId");
        try
        {
            _ = Signing.Eip712.ParseChainId(chainId);
        }
        catch (FormatException ex)
        {
            throw new WireFormatException($"{fields.Path}.signatureChainId: {ex.Message}", ex);
        }

        return new ApproveAgentAction(isMainnet, agent, string.IsNullOrEmpty(name) ? null : name, nonce, chainId);
    }

    private static OrderKind ParseOrderKind(JsonElement element, string path)
    {
        var fields = new JsonFields(element, path);
        OrderKind kind;
        if (fields.Has("limit"))
        {
            var limit = new JsonFields(fields.Required("limit"), path + ".limit");
            var tifText = limit.GetString("tif");
            if (!WireNames.TryParseTif(tifText, out var tif))
            {
                throw new WireFormatException($"{path}.limit.tif: unknown time in force '{tifText}' (Alo, Gtc, Ioc, FrontendMarket).");
            }

            limit.End();
            kind = new LimitOrderKind(tif);
        }
        else if (fields.Has("trigger"))
        {
            var trigger = new JsonFields(fields.Required("trigger"), path + ".trigger");
            var isMarket = trigger.GetBool("isMarket");
            var triggerPx = trigger.Number("triggerPx");
            var tpslText = trigger.GetString("tpsl");
            var tpsl = tpslText switch
            {
                "tp" => TpSl.TakeProfit,
                "sl" => TpSl.StopLoss,
                _ => throw new WireFormatException($"{path}.trigger.tpsl: expected tp or sl, got '{tpslText}'."),
            };
            trigger.End();
            CheckWireNumber(triggerPx, path + ".trigger.triggerPx");
            kind = new TriggerOrderKind(isMarket, triggerPx, tpsl);
        }
        else
        {
            throw new WireFormatException($"{path}: expected 'limit' or 'trigger'.");
        }

        fields.End();
        return kind;
    }

    private static OrderRef ParseOrderRef(JsonElement element, string path)
        => element.ValueKind == JsonValueKind.Number
            ? OrderRef.ById(new OrderId(JsonFields.AsLong(element, path)))
            : OrderRef.ByCloid(JsonFields.AsCloid(element, path));

    /// <summary>Optional flags that exist only as <c>true</c> (<c>f</c>, <c>a</c>): <c>false</c> would change the hash and is rejected by the venue.</summary>
    private static bool ParseTrueFlag(JsonFields fields, string name)
    {
        var value = fields.OptionalBool(name);
        if (value == false)
        {
            throw new WireFormatException($"{fields.Path}.{name}: must be omitted rather than false (the venue rejects an action hashed with {name}:false).");
        }

        return value == true;
    }

    private static void CheckWireNumber(decimal value, string path)
    {
        if (decimal.Round(value, WireNumber.MaxDecimals) != value)
        {
            throw new WireFormatException($"{path}: {value} has more than {WireNumber.MaxDecimals} decimals.");
        }
    }
}

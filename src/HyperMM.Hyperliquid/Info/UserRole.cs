using System.Text.Json;
using HyperMM.Core.Primitives;
using HyperMM.Hyperliquid.Json;

namespace HyperMM.Hyperliquid.Info;

/// <summary>
/// <c>userRole</c>: <c>user</c>, <c>agent</c> (with <see cref="User"/> = its master), <c>vault</c>,
/// <c>subAccount</c> (with <see cref="Master"/>) or <c>missing</c>.
/// </summary>
public sealed record UserRole(string Role, Address? User, Address? Master)
{
    public bool IsMissing => Role == "missing";

    public static UserRole Parse(JsonElement e)
    {
        var role = JsonRead.Str(e, "role");
        Address? user = null, master = null;
        if (JsonRead.Has(e, "data"))
        {
            var data = JsonRead.Get(e, "data");
            user = JsonRead.OptStr(data, "user") is { } u ? Address.Parse(u) : null;
            master = JsonRead.OptStr(data, "master") is { } m ? Address.Parse(m) : null;
        }

        return new UserRole(role, user, master);
    }

    public void Write(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("role", Role);
        if (User is not null || Master is not null)
        {
            writer.WriteStartObject("data");
            if (User is { } user)
            {
                writer.WriteString("user", user.Hex);
            }

            if (Master is { } master)
            {
                writer.WriteString("master", master.Hex);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}

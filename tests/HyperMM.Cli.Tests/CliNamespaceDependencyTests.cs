using System.Reflection;
using System.Reflection.Emit;
using HyperMM.Cli.Commands;

namespace HyperMM.Cli.Tests;

/// <summary>
/// The Cli's folders (namespaces) depend on each other one way only: Commands → Hosting → Dashboard / Output /
/// Safety / Doctor → … → Failures. A dependency is any use of a type of another Cli namespace: base types, member
/// signatures and every type, method or field a method body touches (read from the IL, so `var` and fully qualified
/// names count too; lambdas and async state machines are compiler-made nested types of the type that wrote them).
/// </summary>
public sealed class CliNamespaceDependencyTests
{
    private static readonly Assembly Cli = typeof(CommandRunner).Assembly;

    [Fact]
    public void CliNamespaces_HaveNoCycle()
    {
        var edges = NamespaceEdges(Cli);
        Assert.True(edges.Count > 10, "the scan found almost no dependencies: it is not reading the IL");
        Assert.Contains(("HyperMM.Cli.Commands", "HyperMM.Cli.Hosting"), edges.Keys); // a dependency known to exist (cancel-all sweeps)
        var cycle = FindCycle(edges.Keys);
        Assert.True(cycle is null, cycle is null ? string.Empty : Describe(cycle, edges));
    }

    [Fact]
    public void FindCycle_FindsACycleThroughThreeNamespaces_AndNoneInALayering()
    {
        (string, string)[] layered = [("A", "B"), ("B", "C"), ("A", "C"), ("C", "D")];
        Assert.Null(FindCycle(layered));
        var cycle = FindCycle([.. layered, ("D", "B")]);
        Assert.NotNull(cycle);
        Assert.Equal(["B", "C", "D"], cycle.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NamespaceEdges_SeeAUseInsideAMethodBody()
    {
        // CommandRunner.Classify maps a UsageException (Failures) to its exit code: only visible in the IL.
        var edges = NamespaceEdges(Cli);
        Assert.Contains(edges[("HyperMM.Cli.Commands", "HyperMM.Cli.Failures")], e => e.StartsWith("CommandRunner", StringComparison.Ordinal));
    }

    /// <summary>Namespace → namespace within the assembly, each with the type pairs that make it (for the message).</summary>
    private static Dictionary<(string From, string To), List<string>> NamespaceEdges(Assembly assembly)
    {
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var type in assembly.GetTypes())
        {
            var from = type.Namespace;
            if (from is null)
            {
                continue;
            }

            foreach (var used in Uses(type).SelectMany(Flatten).Where(u => u.Assembly == assembly && u.Namespace is not null).Distinct())
            {
                if (used.Namespace != from)
                {
                    var key = (from, used.Namespace!);
                    if (!edges.TryGetValue(key, out var why))
                    {
                        edges[key] = why = [];
                    }

                    why.Add($"{Outermost(type).Name} → {Outermost(used).Name}");
                }
            }
        }

        return edges;
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()!))
            {
                yield return t;
            }

            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var t in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return t;
            }

            yield break;
        }

        if (!type.IsGenericParameter)
        {
            yield return type;
        }
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static IEnumerable<Type> Uses(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }

        foreach (var i in type.GetInterfaces())
        {
            yield return i;
        }

        foreach (var field in type.GetFields(All))
        {
            yield return field.FieldType;
        }

        foreach (var property in type.GetProperties(All))
        {
            yield return property.PropertyType;
        }

        foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }

            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }

            foreach (var local in method.GetMethodBody()?.LocalVariables ?? [])
            {
                yield return local.LocalType;
            }

            foreach (var used in BodyUses(method))
            {
                yield return used;
            }
        }
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>Types named by the tokens of a method body: called methods' and touched fields' declaring types, type operands.</summary>
    private static IEnumerable<Type> BodyUses(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = OpCodesByValue[value];
            var size = op.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (op.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                MemberInfo? member;
                try
                {
                    member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    member = null;
                }

                switch (member)
                {
                    case Type t:
                        yield return t;
                        break;
                    case MethodBase m:
                        yield return m.DeclaringType!;
                        if (m is MethodInfo mi)
                        {
                            yield return mi.ReturnType;
                        }

                        break;
                    case FieldInfo f:
                        yield return f.DeclaringType!;
                        yield return f.FieldType;
                        break;
                }
            }

            at += size;
        }
    }

    /// <summary>Some cycle of the directed graph (its nodes), or null when there is none (depth-first search, three colours).</summary>
    private static List<string>? FindCycle(IEnumerable<(string From, string To)> edges)
    {
        var next = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).Distinct().Order(StringComparer.Ordinal).ToList());
        var state = new Dictionary<string, int>(); // 1 = on the path, 2 = done
        var path = new List<string>();

        List<string>? Visit(string node)
        {
            state[node] = 1;
            path.Add(node);
            foreach (var to in next.GetValueOrDefault(node) ?? [])
            {
                if (state.GetValueOrDefault(to) == 1)
                {
                    return path[path.IndexOf(to)..];
                }

                if (state.GetValueOrDefault(to) == 0 && Visit(to) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = 2;
            return null;
        }

        foreach (var node in next.Keys.Order(StringComparer.Ordinal))
        {
            if (state.GetValueOrDefault(node) == 0 && Visit(node) is { } cycle)
            {
                return cycle;
            }
        }

        return null;
    }

    private static string Describe(List<string> cycle, Dictionary<(string From, string To), List<string>> edges) =>
        "Cli namespaces depend on each other in a cycle: " + string.Join(" → ", cycle.Append(cycle[0]))
        + string.Concat(cycle.Select((from, i) =>
        {
            var to = cycle[(i + 1) % cycle.Count];
            return $"\n  {from} → {to}: {string.Join(", ", edges[(from, to)].Distinct().Take(5))}";
        }));
}

using HyperMM.TestSupport;
using YamlDotNet.RepresentationModel;

namespace HyperMM.Hyperliquid.Tests.Info;

/// <summary>Reads a recorded VCR cassette of the python SDK (../shared/data/hyperliquid-python-sdk): request and response bodies.</summary>
internal static class Cassette
{
    public static IReadOnlyList<(string Request, string Response)> Load(string name)
    {
        var path = SharedData.File($"data/hyperliquid-python-sdk/tests/cassettes/info_test/{name}.yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var result = new List<(string, string)>();
        foreach (YamlMappingNode interaction in ((YamlSequenceNode)root["interactions"]).Children.Cast<YamlMappingNode>())
        {
            var request = ((YamlScalarNode)((YamlMappingNode)interaction["request"])["body"]).Value!;
            var response = ((YamlScalarNode)((YamlMappingNode)((YamlMappingNode)interaction["response"])["body"])["string"]).Value!;
            result.Add((request, response));
        }

        return result;
    }

    /// <summary>The response of the interaction whose request body contains <paramref name="requestType"/>.</summary>
    public static byte[] Response(string name, string requestType)
        => System.Text.Encoding.UTF8.GetBytes(Load(name).First(i => i.Request.Contains($"\"{requestType}\"", StringComparison.Ordinal)).Response);
}

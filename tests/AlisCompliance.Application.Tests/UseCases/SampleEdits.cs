using System.Text.Json.Nodes;

namespace AlisCompliance.Application.Tests.UseCases;

/// <summary>Corrections a municipality might send for the sample's records.</summary>
internal static class SampleEdits
{
    /// <summary>alis-09 was three weeks without a veileder in spring 2026: the new veileder's assignment now starts the day after the old one ended.</summary>
    public static string CloseAlis09VeilederGap(string json)
    {
        var root = JsonNode.Parse(json)!;
        var alis = root["alis"]!.AsArray().Single(node => (string?)node!["id"] == "alis-09")!;
        alis["veilederAssignments"]!.AsArray().Single(node => (string?)node!["id"] == "a09-vtid-2")!["from"] = "2026-04-01";
        return root.ToJsonString();
    }

    /// <summary>Removes every leader's email address.</summary>
    public static string WithoutLeaderEmails(string json)
    {
        var root = JsonNode.Parse(json)!;
        foreach (var leader in root["municipality"]!["leaders"]!.AsArray())
        {
            leader!.AsObject().Remove("email");
        }

        return root.ToJsonString();
    }
}

using System.Text.Json.Nodes;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Core.Tests.Compliance;

public sealed class EvidenceJsonLimitsTests
{
    [Fact]
    public void A_long_text_in_the_evidence_is_cut_at_4000_characters_with_an_ellipsis()
    {
        var json = EvidenceJson.ToJson(new string('x', 1_000_000))!.GetValue<string>();

        json.Should().HaveLength(4000).And.EndWith("…");
    }

    [Fact]
    public void A_long_list_in_the_evidence_keeps_its_first_50_items()
    {
        var json = (JsonArray)EvidenceJson.ToJson(Enumerable.Range(0, 7_000_000).ToArray())!;

        json.Should().HaveCount(50);
    }
}

using System.Text.Json;
using AlisCompliance.Application.Status;

namespace AlisCompliance.Application.Tests.Status;

public sealed class StatusPageJsonTests
{
    [Fact]
    public void The_json_shape_is_camel_case_with_iso_dates_and_severity_codes()
    {
        var json = StatusPageJson.Serialize(StatusFixtures.Model() with { Alis = [StatusFixtures.Model().Alis[1]] });

        json.Should().Be(
            """{"municipalityId":"3417","municipalityName":"Åsnes kommune","asOf":"2026-12-07","summary":{"alis":1,"violation":0,"warning":1,"info":0},"alis":[{"alisId":"alis-01","name":"Kari \u003CNordmann\u003E","worst":"warning","findings":[{"ruleId":"SUP-PACE","severity":"warning","message":"Utdanningsår 3: 7,5 timer veiledning av 13,2 forventet så langt.","legalReference":"Rundskriv I-2/2019 § 2","firstSeen":"2026-11-30T23:30:00Z"}]}],"undeliveredAlerts":[]}""");
    }

    [Fact]
    public void An_alis_without_findings_has_a_null_worst_and_an_empty_list()
    {
        using var document = JsonDocument.Parse(StatusPageJson.Serialize(StatusFixtures.Model()));

        var alis = document.RootElement.GetProperty("alis");
        alis.GetArrayLength().Should().Be(3);
        alis[0].GetProperty("worst").ValueKind.Should().Be(JsonValueKind.Null);
        alis[0].GetProperty("findings").GetArrayLength().Should().Be(0);
        alis[2].GetProperty("worst").GetString().Should().Be("violation");
        document.RootElement.GetProperty("summary").GetProperty("violation").GetInt32().Should().Be(1);
    }
}

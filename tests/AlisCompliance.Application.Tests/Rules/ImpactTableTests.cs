using System.Text.Json.Nodes;
using AlisCompliance.Application.Rules;
using AlisCompliance.Core.Compliance;
using AlisCompliance.Core.Compliance.Impact;
using NodaTime;

namespace AlisCompliance.Application.Tests.Rules;

public class ImpactTableTests
{
    private static readonly LocalDate AsOf = new(2026, 12, 31);

    [Fact]
    public void Every_kind_of_change_gets_its_line_and_the_totals_their_grammatical_number()
    {
        var report = new ImpactReport(AsOf, "v1", "v2",
        [
            new MunicipalityImpact("3417",
            [
                new AlisImpact("3417", "alis-1",
                    [Finding("alis-1", "SUP-ANNUAL-42H", Severity.Violation, "28,6 timer veiledning."), Finding("alis-1", "GRP-GATHERINGS", Severity.Info, "8 samlinger.")],
                    [Finding("alis-1", "SUP-PACE", Severity.Warning, "Lenge siden.")],
                    [new FindingChange(Finding("alis-1", "DL", Severity.Warning, "Om 29 dager."), Finding("alis-1", "DL", Severity.Violation, "Fristen er ute."))],
                    [new EvaluationError("alis-1", "3417", "VEI-QUALIFIED", "Regelen brukte for lang tid.")]),
            ]),
            new MunicipalityImpact("3401", [new AlisImpact("3401", "alis-\u001b[2J", [], [Finding("alis-x", "SUP", Severity.Warning, "Melding")], [], [])]),
        ]);

        var table = ImpactTable.Write(report);

        table.Should().Be(
            """
            Virkning av regelendringen per 31.12.2026
            Regelsett v1 → v2

            Kommune 3417
              alis-1
                + SUP-ANNUAL-42H brudd: 28,6 timer veiledning.
                + GRP-GATHERINGS til orientering: 8 samlinger.
                − SUP-PACE (var advarsel)
                ~ DL: advarsel → brudd
                  ny melding: Fristen er ute.
                ! VEI-QUALIFIED kan ikke vurderes med de nye reglene: Regelen brukte for lang tid.

            Kommune 3401
              alis-\u001B[2J
                − SUP (var advarsel)

            Totalt: 2 ALIS endres: 2 nye funn, 2 funn forsvinner, 1 endret, 1 regelfeil

            """.ReplaceLineEndings());
    }

    [Fact]
    public void No_change_says_so()
    {
        ImpactTable.Write(new ImpactReport(AsOf, "v1", "v2", [])).Should().Contain("Ingen endringer").And.NotContain("Totalt");
    }

    [Fact]
    public void One_new_finding_is_singular()
    {
        var report = new ImpactReport(AsOf, "v1", "v2", [new MunicipalityImpact("a", [new AlisImpact("a", "alis-1", [Finding("alis-1", "SUP", Severity.Warning, "M")], [], [], [])])]);

        ImpactTable.Write(report).Should().Contain("Totalt: 1 ALIS endres: 1 nytt funn" + Environment.NewLine);
    }

    private static Finding Finding(string alisId, string ruleId, Severity severity, string message) =>
        new(alisId, "3417", ruleId, null, severity, message, "Spesialistforskriften § 25", ["leader"], new JsonObject());
}

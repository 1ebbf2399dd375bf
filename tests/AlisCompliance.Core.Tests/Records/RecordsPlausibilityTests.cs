using System.Text.Json.Nodes;
using AlisCompliance.Core.Records.Reading;
using static AlisCompliance.Core.Tests.Records.RecordsTestFiles;

namespace AlisCompliance.Core.Tests.Records;

/// <summary>
/// Values every field accepts but no ALIS can have: an unknown ALM 063 procedure, events outside the training,
/// the same service registered twice. The full test file starts its training 2019-02-04 and ends its only service
/// period 2027-07-31.
/// </summary>
public sealed class RecordsPlausibilityTests
{
    [Fact]
    public void Procedure_not_in_the_catalog_is_refused_with_the_closest_name()
    {
        var result = Read(Changed(root => At(root, "alis[0].procedures[0]")["procedure"] = "Ryggundersøkelsen"));

        OnlyError(result, "alis[0].procedures[0].procedure", "pros-1")
            .Should().Contain("prosedyren 'Ryggundersøkelsen' står ikke i listen for ALM-063; mente du 'Ryggundersøkelse'?");
    }

    [Fact]
    public void Procedure_differing_only_in_case_and_spaces_is_accepted_as_the_rule_counts_it()
    {
        Read(Changed(root => At(root, "alis[0].procedures[0]")["procedure"] = " ryggundersøkelse ")).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Catalog_procedures_are_the_ones_the_rule_requires()
    {
        RealCatalog.Procedures.Should().Contain("Ryggundersøkelse").And.Contain("Lungefunksjonstesting (spirometri)");
    }

    [Theory]
    [InlineData("supervisionSessions", "date", "vs-1", "veiledningen")]
    [InlineData("groupSupervision", "date", "grp-1", "gruppeveiledningen")]
    [InlineData("goals", "approvedOn", "lm-1", "godkjenningen")]
    [InlineData("courses", "date", "kurs-1", "kurset")]
    [InlineData("procedures", "date", "pros-1", "prosedyren")]
    [InlineData("jointConsultations", "date", "fk-1", "felleskonsultasjonen")]
    [InlineData("planReviews", "date", "oppf-1", "oppfølgingen av planen")]
    public void Event_before_the_training_started_is_refused(string list, string field, string id, string what)
    {
        var result = Read(Changed(root => At(root, $"alis[0].{list}[0]")[field] = "2018-11-30"));

        OnlyError(result, $"alis[0].{list}[0].{field}", id)
            .Should().Be($"{what} (30.11.2018) er før utdanningsstart (04.02.2019)");
    }

    [Fact]
    public void Event_more_than_two_years_after_the_last_service_is_refused()
    {
        var result = Read(Changed(root => At(root, "alis[0].courses[0]")["date"] = "2029-08-01"));

        OnlyError(result, "alis[0].courses[0].date", "kurs-1")
            .Should().Be("kurset (01.08.2029) er mer enn to år etter at siste tjenesteperiode slutter (31.07.2027); er årstallet riktig?");
    }

    [Fact]
    public void Event_two_years_after_the_last_service_is_accepted()
    {
        Read(Changed(root => At(root, "alis[0].courses[0]")["date"] = "2029-07-31")).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Late_events_are_not_bounded_while_a_service_period_is_open()
    {
        var json = Changed(root =>
        {
            At(root, "alis[0].servicePeriods[0]").Remove("to");
            At(root, "alis[0].courses[0]")["date"] = "2035-01-01";
        });

        Read(json).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Overlapping_service_periods_at_the_same_arena_are_refused_naming_both()
    {
        var result = Read(Changed(root => Periods(root).Add(Period("sp-2", "legesenter", "2025-01-01", "2025-12-31"))));

        OnlyError(result, "alis[0].servicePeriods[1]", "sp-2")
            .Should().Contain("overlapper med tjenesteperiode 'sp-1' på samme læringsarena ('legesenter')");
    }

    [Fact]
    public void Open_period_overlapping_a_later_one_at_the_same_arena_is_refused()
    {
        var result = Read(Changed(root =>
        {
            At(root, "alis[0].servicePeriods[0]").Remove("to");
            Periods(root).Add(Period("sp-2", "legesenter", "2030-01-01", null));
        }));

        OnlyError(result, "alis[0].servicePeriods[1]", "sp-2").Should().Contain("'sp-1'");
    }

    [Theory]
    [InlineData("sykehus", "2025-01-01")]
    [InlineData("legesenter", "2027-08-01")]
    public void Service_at_another_arena_or_after_the_period_is_accepted(string arena, string from)
    {
        Read(Changed(root => Periods(root).Add(Period("sp-2", arena, from, "2027-12-31")))).IsValid.Should().BeTrue();
    }

    private static JsonArray Periods(JsonObject root) => At(root, "alis[0]")["servicePeriods"]!.AsArray();

    private static JsonObject Period(string id, string arena, string from, string? to)
    {
        var period = new JsonObject { ["id"] = id, ["arenaId"] = arena, ["from"] = from, ["positionPercent"] = 40 };
        if (to is not null)
        {
            period["to"] = to;
        }

        return period;
    }

    private static string OnlyError(RecordsReadResult result, string path, string recordId)
    {
        result.Records.Should().BeNull("a file with any problem is rejected whole");
        result.Errors.Should().ContainSingle(string.Join(Environment.NewLine, result.Errors));
        var error = result.Errors[0];
        error.Path.Should().Be(path);
        error.RecordId.Should().Be(recordId);
        return error.Message;
    }
}

using AlisCompliance.Application.Ingest;
using NodaTime;

namespace AlisCompliance.Application.Tests.Ingest;

public class SupervisionCsvReaderTests
{
    [Theory]
    [InlineData("date,minutes,veileder_id,alis_id,referat_finalised\n05.03.2026,60,v-1,a-1,ja\n", 2)]
    [InlineData("sep=;\nDate; Minutes; Veileder_ID; ALIS_ID; Referat_Finalised\n2026-03-05;60;v-1;a-1;TRUE\n", 3)]
    [InlineData("alis_id\tdate\tminutes\tveileder_id\treferat_finalised\tkommentar\na-1\t2026-03-05\t60\tv-1\t1\tfritekst\n", 2)]
    public void Separators_column_order_and_header_case_do_not_matter(string text, int line)
    {
        var (rows, errors) = SupervisionCsvReader.Read(text);

        errors.Should().BeEmpty();
        rows.Should().ContainSingle().Which.Should().Be(new SupervisionCsvRow(line, new LocalDate(2026, 3, 5), 60, "v-1", "a-1", true));
    }

    [Fact]
    public void A_missing_column_is_named()
    {
        var (rows, errors) = SupervisionCsvReader.Read("date,minutes,alis_id\n2026-03-05,60,a-1\n");

        rows.Should().BeEmpty();
        errors.Should().Equal("linje 1: mangler kolonnen 'veileder_id', 'referat_finalised' (forventet: date, minutes, veileder_id, alis_id, referat_finalised)");
    }

    [Theory]
    [InlineData("", "linje 1: filen er tom")]
    [InlineData("date,minutes,veileder_id,alis_id,referat_finalised\n,,,,\n", "linje 2: filen har ingen veiledninger")]
    public void An_empty_log_is_refused(string text, string message)
    {
        var (rows, errors) = SupervisionCsvReader.Read(text);

        rows.Should().BeEmpty();
        errors.Should().ContainSingle().Which.Should().StartWith(message);
    }

    [Theory]
    [InlineData("2026-02-30", "date: '2026-02-30' er ingen gyldig dato")]
    [InlineData("5.3.2026", "date: '5.3.2026' er ingen gyldig dato")]
    [InlineData("", "date: mangler")]
    public void Dates_are_iso_or_norwegian_and_real(string date, string message) =>
        SupervisionCsvReader.Read($"date,minutes,veileder_id,alis_id,referat_finalised\n{date},60,v-1,a-1,nei\n").Errors
            .Should().ContainSingle().Which.Should().StartWith("linje 2: " + message);

    [Theory]
    [InlineData("1441", "kan ikke være mer enn 1440 (ett døgn) (1441)")]
    [InlineData("1.5", "'1.5' er ikke et helt antall minutter")]
    public void Minutes_are_whole_and_at_most_a_day(string minutes, string message) =>
        SupervisionCsvReader.Read($"date,minutes,veileder_id,alis_id,referat_finalised\n2026-03-05,{minutes},v-1,a-1,nei\n").Errors
            .Should().Equal("linje 2: minutes: " + message);
}

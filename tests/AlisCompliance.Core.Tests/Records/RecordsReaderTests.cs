using System.Text.Json.Nodes;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using NodaTime;
using static AlisCompliance.Core.Tests.Records.RecordsTestFiles;

namespace AlisCompliance.Core.Tests.Records;

/// <summary>
/// The reader is the gate in front of every rule: a broken file must give no records at all, and every problem in it
/// must be named by file, JSON path and record id, in words a municipal IT person can act on.
/// </summary>
public sealed class RecordsReaderTests
{
    private const string Source = "kommune.json";

    private static readonly Dictionary<string, BadFile> BadFiles = new(StringComparer.Ordinal)
    {
        // Not JSON, or not a records file at all.
        ["malformed JSON"] = new(
            "{\n  \"municipality\": {\n    \"id\": \"3417\",\n    \"name\": \"Åsnes kommune\"\n    \"leaders\": []\n  }\n}",
            Error("", null, "ugyldig JSON på linje 5, kolonne 5: '\"' is invalid after a value.")),
        ["malformed JSON: the column counts characters, not UTF-8 bytes"] = new(
            "{\n  \"municipality\": {\"id\": \"3417\", \"name\": \"Åsnes kommune\" \"leaders\": []}\n}",
            Error("", null, "ugyldig JSON på linje 2, kolonne 58")),
        ["empty file"] = new("", Error("", null, "ugyldig JSON på linje 1, kolonne 1")),
        ["trailing comma"] = new("{\"municipality\": {\"id\": \"3417\", \"name\": \"Åsnes\",}}", Error("", null, "ugyldig JSON på linje 1")),
        ["top-level array"] = new("[" + Full + "]", Error("", null, "må være et JSON-objekt, ikke en liste")),
        ["top-level number"] = new("42", Error("", null, "må være et JSON-objekt, ikke tallet 42")),
        ["no municipality"] = new(Changed(root => root.Remove("municipality")), Error("municipality", null, "mangler")),

        // Wrong types.
        ["minutes as a string"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["minutes"] = "60"),
            Error("alis[0].supervisionSessions[0].minutes", "vs-1", "må være et heltall, ikke tekst")),
        ["minutes with decimals"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["minutes"] = 60.5),
            Error("alis[0].supervisionSessions[0].minutes", "vs-1", "må være et heltall, ikke tallet 60.5")),
        ["date as a number"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["date"] = 20240213),
            Error("alis[0].supervisionSessions[0].date", "vs-1", "må være tekst, ikke tallet 20240213")),
        ["boolean as a number"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["referatFinalised"] = 1),
            Error("alis[0].supervisionSessions[0].referatFinalised", "vs-1", "må være true eller false, ikke tallet 1")),
        ["list as a number"] = new(
            Changed(root => At(root, "alis[0]")["goals"] = 5),
            Error("alis[0].goals", "alis-1", "må være en liste, ikke tallet 5")),
        ["list item as a number"] = new(
            Changed(root => root["veiledere"] = new JsonArray(5)),
            Error("veiledere[0]", null, "må være et JSON-objekt, ikke tallet 5")),
        ["goal list item as a number"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["goals"] = new JsonArray("ALM-001", 5)),
            Error("alis[0].supervisionSessions[0].goals[1]", "vs-1", "må være en ikke-tom tekst")),
        ["required field null"] = new(
            Changed(root => At(root, "alis[0]")["trainingStart"] = null),
            Error("alis[0].trainingStart", "alis-1", "mangler")),
        ["required field missing"] = new(
            Changed(root => At(root, "alis[0]").Remove("name")),
            Error("alis[0].name", "alis-1", "mangler")),
        ["blank id"] = new(
            Changed(root => At(root, "alis[0].leave[0]")["id"] = "  "),
            Error("alis[0].leave[0].id", null, "kan ikke være tom")),
        ["unknown scheme"] = new(
            Changed(root => At(root, "alis[0]")["scheme"] = "ny"),
            Error("alis[0].scheme", "alis-1", "'ny' er ingen gyldig verdi; bruk 'new', 'old', 'converted'")),

        // Dates.
        ["impossible date 2026-02-30"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["date"] = "2026-02-30"),
            Error("alis[0].supervisionSessions[0].date", "vs-1", "'2026-02-30' er ingen gyldig dato")),
        ["impossible date 2026-13-01"] = new(
            Changed(root => At(root, "alis[0].planReviews[0]")["date"] = "2026-13-01"),
            Error("alis[0].planReviews[0].date", "oppf-1", "'2026-13-01' er ingen gyldig dato")),
        ["Norwegian date format 30.02.2026"] = new(
            Changed(root => At(root, "alis[0].courses[0]")["date"] = "30.02.2026"),
            Error("alis[0].courses[0].date", "kurs-1", "'30.02.2026' må være en dato på formen ÅÅÅÅ-MM-DD")),
        ["date with a signed year"] = new(
            Changed(root => At(root, "municipality")["registeredEducationInstitutionSince"] = "-2019-03-01"),
            Error("municipality.registeredEducationInstitutionSince", "3417", "'-2019-03-01' må være en dato på formen ÅÅÅÅ-MM-DD")),
        ["date with a time"] = new(
            Changed(root => At(root, "alis[0]")["trainingStart"] = "2019-02-04T00:00:00"),
            Error("alis[0].trainingStart", "alis-1", "må være en dato på formen ÅÅÅÅ-MM-DD")),

        // Ranges.
        ["negative minutes"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["minutes"] = -30),
            Error("alis[0].supervisionSessions[0].minutes", "vs-1", "kan ikke være negativ (-30)")),
        ["minutes over a day"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["minutes"] = 1441),
            Error("alis[0].supervisionSessions[0].minutes", "vs-1", "må være mellom 0 og 1440, ikke 1441")),
        ["positionPercent 0"] = new(
            Changed(root => At(root, "alis[0].servicePeriods[0]")["positionPercent"] = 0),
            Error("alis[0].servicePeriods[0].positionPercent", "sp-1", "må være mellom 1 og 100, ikke 0")),
        ["positionPercent 101"] = new(
            Changed(root => At(root, "alis[0].servicePeriods[0]")["positionPercent"] = 101),
            Error("alis[0].servicePeriods[0].positionPercent", "sp-1", "må være mellom 1 og 100, ikke 101")),
        ["groupYear 3"] = new(
            Changed(root => At(root, "alis[0].groupSupervision[0]")["groupYear"] = 3),
            Error("alis[0].groupSupervision[0].groupYear", "grp-1", "må være mellom 1 og 2, ikke 3")),
        ["negative group hours"] = new(
            Changed(root => At(root, "alis[0].groupSupervision[0]")["hours"] = -1.5),
            Error("alis[0].groupSupervision[0].hours", "grp-1", "kan ikke være negativ (-1.5)")),

        // Periods that end before they start.
        ["service period ends before it starts"] = new(
            Changed(root => At(root, "alis[0].servicePeriods[0]")["to"] = "2019-01-31"),
            Error("alis[0].servicePeriods[0].to", "sp-1", "slutter (2019-01-31) før den starter (2019-02-04)")),
        ["leave ends before it starts"] = new(
            Changed(root => At(root, "alis[0].leave[0]")["to"] = "2020-02-29"),
            Error("alis[0].leave[0].to", "perm-1", "slutter (2020-02-29) før den starter (2020-03-01)")),
        ["veileder assignment ends before it starts"] = new(
            Changed(root => At(root, "alis[0].veilederAssignments[0]")["to"] = "2019-02-03"),
            Error("alis[0].veilederAssignments[0].to", "va-1", "slutter (2019-02-03) før den starter (2019-02-04)")),
        ["service starts before the training"] = new(
            Changed(root => At(root, "alis[0].servicePeriods[0]")["from"] = "2019-01-07"),
            Error("alis[0].servicePeriods[0].from", "sp-1", "tjenesten starter før utdanningsstart (04.02.2019)")),

        // Catalog codes.
        ["unknown goal code ALM-999"] = new(
            Changed(root => At(root, "alis[0].goals[0]")["goal"] = "ALM-999"),
            Error("alis[0].goals[0].goal", "lm-1", "ukjent læringsmål 'ALM-999'")),
        ["goal code written with a space"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["goals"] = new JsonArray("ALM 001")),
            Error("alis[0].supervisionSessions[0].goals", "vs-1", "ukjent læringsmål 'ALM 001' (koder skrives som ALM-001 eller FKM-073)")),
        ["unknown goal code in an arena"] = new(
            Changed(root => At(root, "municipality.arenas[1]")["goals"] = new JsonArray("ALM-055", "ALM-999")),
            Error("municipality.arenas[1].goals", "sykehus", "ukjent læringsmål 'ALM-999'")),
        ["unknown arena type"] = new(
            Changed(root => At(root, "municipality.arenas[0]")["type"] = "gp-office"),
            Error("municipality.arenas[0].type", "legesenter", "ukjent arenatype 'gp-office'; kjente typer: health-station, institution, kad,")),

        // References.
        ["unknown arena"] = new(
            Changed(root => At(root, "alis[0].servicePeriods[0]")["arenaId"] = "legevakt"),
            Error("alis[0].servicePeriods[0].arenaId", "sp-1", "læringsarena 'legevakt' finnes ikke i filen")),
        ["unknown veileder"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["veilederId"] = "v-9"),
            Error("alis[0].supervisionSessions[0].veilederId", "vs-1", "veileder 'v-9' finnes ikke i filen")),
        ["unknown veileder in an assignment"] = new(
            Changed(root => At(root, "alis[0].veilederAssignments[0]")["veilederId"] = "v-9"),
            Error("alis[0].veilederAssignments[0].veilederId", "va-1", "veileder 'v-9' finnes ikke i filen")),
        ["unknown veileder recommending a goal"] = new(
            Changed(root => At(root, "alis[0].goals[0].recommendations[0]")["personId"] = "v-9"),
            Error("alis[0].goals[0].recommendations[0].personId", "lm-1", "veileder 'v-9' finnes ikke i filen")),
        ["unknown leader"] = new(
            Changed(root => At(root, "alis[0]")["leaderId"] = "leder-9"),
            Error("alis[0].leaderId", "alis-1", "leder 'leder-9' finnes ikke i filen")),
        ["unknown approving leader"] = new(
            Changed(root => At(root, "alis[0].goals[0]")["approvedByLeaderId"] = "leder-9"),
            Error("alis[0].goals[0].approvedByLeaderId", "lm-1", "leder 'leder-9' finnes ikke i filen")),

        // Ids.
        ["duplicate ALIS id"] = new(
            Changed(root => root["alis"]!.AsArray().Add(At(root, "alis[0]").DeepClone())),
            Error("alis[1].id", "alis-1", "id-en brukes flere ganger")),
        ["duplicate veileder id"] = new(
            Changed(root => root["veiledere"]!.AsArray().Add(At(root, "veiledere[0]").DeepClone())),
            Error("veiledere[1].id", "v-1", "id-en brukes flere ganger")),
        ["duplicate record id within an ALIS"] = new(
            Changed(root => At(root, "alis[0].leave[0]")["id"] = "sp-1"),
            Error("alis[0].leave[0].id", "sp-1", "id-en brukes av flere poster for samme ALIS")),
        ["the same goal twice"] = new(
            Changed(root => At(root, "alis[0]")["goals"]!.AsArray().Add(new JsonObject { ["id"] = "lm-2", ["goal"] = "ALM-034", ["status"] = "in-progress" })),
            Error("alis[0].goals[1].goal", "lm-2", "læringsmål ALM-034 er registrert mer enn én gang")),

        // Rules between fields of one record.
        ["converted without conversionDate"] = new(
            Changed(root => At(root, "alis[0]").Remove("conversionDate")),
            Error("alis[0].conversionDate", "alis-1", "mangler: en ALIS som har konvertert til ny ordning må ha konverteringsdato")),
        ["conversionDate on a new-scheme ALIS"] = new(
            Changed(root => At(root, "alis[0]")["scheme"] = "new"),
            Error("alis[0].conversionDate", "alis-1", "er bare gyldig når scheme er 'converted'")),
        ["approved goal without approvedOn"] = new(
            Changed(root => At(root, "alis[0].goals[0]").Remove("approvedOn")),
            Error("alis[0].goals[0].approvedOn", "lm-1", "mangler")),

        // Fields the reader does not know.
        ["unknown field (typo minuttes)"] = new(
            Changed(root =>
            {
                var session = At(root, "alis[0].supervisionSessions[0]");
                session.Remove("minutes");
                session["minuttes"] = 90;
            }),
            Error("alis[0].supervisionSessions[0].minuttes", "vs-1", "er ikke et kjent felt (skrivefeil?)"),
            Error("alis[0].supervisionSessions[0].minutes", "vs-1", "mangler")),
        ["unknown field at the top"] = new(
            Changed(root => root["kommune"] = "Åsnes"),
            Error("kommune", null, "er ikke et kjent felt (skrivefeil?)")),
        ["field given twice"] = new(
            Changed(root => At(root, "alis[0].supervisionSessions[0]")["minutes"] = 90).Replace("\"minutes\":90", "\"minutes\":90,\"minutes\":45", StringComparison.Ordinal),
            Error("alis[0].supervisionSessions[0].minutes", "vs-1", "står mer enn én gang i samme objekt")),
        ["escaped lone surrogate in a text"] = new(
            Changed(root => At(root, "alis[0]")["name"] = "LONE").Replace("LONE", "\\uD800", StringComparison.Ordinal),
            Error("alis[0].name", "alis-1", "ugyldig tekst")),

        // Size.
        ["file over MaxFileBytes"] = new(
            Changed(root => root["$comment"] = new string('x', RecordsReader.MaxFileBytes)),
            Error("", null, "filen er for stor: ")),
        ["file over MaxFileBytes in UTF-8 though fewer characters"] = new(
            Changed(root => root["$comment"] = new string('ø', (RecordsReader.MaxFileBytes / 2) + 1)).Replace("\\u00F8", "ø", StringComparison.Ordinal),
            Error("", null, "byte); grensen er 10,5 MB (10\u00A0485\u00A0760 byte)")),

        ["time-limited plan ending before the training starts"] = new(
            Changed(root => At(root, "alis[0]")["plannedThrough"] = "2018-12-31"),
            Error("alis[0].plannedThrough", "alis-1", "planen slutter (2018-12-31) før utdanningsstart")),

        // Several problems: all of them, not just the first.
        ["several field problems at once"] = new(
            Changed(root =>
            {
                At(root, "alis[0].servicePeriods[0]")["positionPercent"] = 0;
                At(root, "alis[0].supervisionSessions[0]")["minutes"] = "90";
                At(root, "alis[0].goals[0]")["approvedOn"] = "27.11.2024";
                At(root, "alis[0].leave[0]").Remove("to");
                var veileder = At(root, "veiledere[0]");
                veileder["specialistsince"] = veileder["specialistSince"]!.DeepClone();
                veileder.Remove("specialistSince");
            }),
            Error("alis[0].servicePeriods[0].positionPercent", "sp-1", "må være mellom 1 og 100, ikke 0"),
            Error("alis[0].supervisionSessions[0].minutes", "vs-1", "må være et heltall, ikke tekst"),
            Error("alis[0].goals[0].approvedOn", "lm-1", "'27.11.2024' må være en dato på formen ÅÅÅÅ-MM-DD"),
            Error("alis[0].leave[0].to", "perm-1", "mangler"),
            Error("veiledere[0].specialistsince", "v-1", "er ikke et kjent felt (skrivefeil?)")),
        ["several consistency problems at once"] = new(
            Changed(root =>
            {
                At(root, "alis[0]")["leaderId"] = "leder-9";
                At(root, "alis[0].servicePeriods[0]")["arenaId"] = "legevakt";
                At(root, "alis[0].goals[0]")["goal"] = "ALM-999";
                At(root, "alis[0].planReviews[0]")["id"] = "vs-1";
            }),
            Error("alis[0].leaderId", "alis-1", "leder 'leder-9' finnes ikke i filen"),
            Error("alis[0].servicePeriods[0].arenaId", "sp-1", "læringsarena 'legevakt' finnes ikke i filen"),
            Error("alis[0].goals[0].goal", "lm-1", "ukjent læringsmål 'ALM-999'"),
            Error("alis[0].planReviews[0].id", "vs-1", "id-en brukes av flere poster for samme ALIS")),
    };

    public static TheoryData<string> BadFileNames()
    {
        var names = new TheoryData<string>();
        foreach (var name in BadFiles.Keys)
        {
            names.Add(name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(BadFileNames))]
    public void Bad_file_gives_no_records_and_names_every_problem(string name)
    {
        var bad = BadFiles[name];

        var result = Read(bad.Json, Source);

        result.Records.Should().BeNull("a file with any problem is rejected whole");
        result.IsValid.Should().BeFalse();
        result.Errors.Should().HaveCount(bad.Expected.Length, "the reader reported:{0}{1}", Environment.NewLine, Describe(result));
        foreach (var expected in bad.Expected)
        {
            result.Errors.Should().Contain(
                error => error.Source == Source && error.Path == expected.Path && error.RecordId == expected.RecordId
                         && error.Message.Contains(expected.Message, StringComparison.Ordinal),
                "expected {0} at '{1}' (id {2}), but the reader reported:{3}{4}",
                expected.Message, expected.Path, expected.RecordId ?? "none", Environment.NewLine, Describe(result));
        }
    }

    [Fact]
    public void Full_file_reads_into_the_expected_records()
    {
        var result = Read(Full);

        result.Errors.Should().BeEmpty(Describe(result));
        var records = result.Records!;
        records.Municipality.Id.Should().Be("3417");
        records.Municipality.Name.Should().Be("Åsnes kommune");
        records.Municipality.RegisteredEducationInstitutionSince.Should().Be(new LocalDate(2019, 3, 1));
        records.Municipality.Leaders.Should().ContainSingle().Which.Should().Be(new Leader("leder-1", "Siri Nordby", "siri.nordby@example.no"));
        records.Municipality.Arenas.Select(arena => arena.Type).Should().Equal("open-general-practice", "institution");
        records.Municipality.Arenas[1].Goals.Should().Equal("ALM-055", "ALM-085");
        records.Veiledere.Should().ContainSingle().Which.Should().Be(new Veileder(
            "v-1", "Anne Kristin Bergli", new LocalDate(2006, 5, 1), new LocalDate(2027, 1, 20), new LocalDate(2019, 11, 22), "3417"));

        var alis = records.Alis.Should().ContainSingle().Subject;
        alis.Scheme.Should().Be(TrainingScheme.Converted);
        alis.ConversionDate.Should().Be(new LocalDate(2023, 6, 15));
        alis.TrainingStart.Should().Be(new LocalDate(2019, 2, 4));
        alis.SpecialistApprovedOn.Should().Be(new LocalDate(2027, 8, 1));
        alis.ServicePeriods.Should().Equal(new ServicePeriod("sp-1", "legesenter", new LocalDate(2019, 2, 4), new LocalDate(2027, 7, 31), 60));
        alis.Leave.Should().Equal(new LeavePeriod("perm-1", new LocalDate(2020, 3, 1), new LocalDate(2020, 12, 31), "foreldrepermisjon"));
        alis.VeilederAssignments.Should().Equal(new VeilederAssignment("va-1", "v-1", new LocalDate(2019, 2, 4), new LocalDate(2027, 7, 31)));
        var session = alis.SupervisionSessions.Should().ContainSingle().Subject;
        session.Minutes.Should().Be(90);
        session.Date.Should().Be(new LocalDate(2024, 2, 13));
        session.Goals.Should().Equal("ALM-001", "FKM-073");
        session.ReferatFinalised.Should().BeTrue();
        alis.GroupSupervision.Should().Equal(new GroupSupervisionMeeting("grp-1", new LocalDate(2024, 9, 11), 5.5m, 1));
        var goal = alis.Goals.Should().ContainSingle().Subject;
        goal.Should().BeEquivalentTo(new
        {
            Id = "lm-1",
            Goal = "ALM-034",
            Status = GoalStatus.Approved,
            ApprovedOn = (LocalDate?)new LocalDate(2024, 11, 27),
            ApprovedByLeaderId = "leder-1",
            ArenaId = "legesenter",
        });
        goal.Recommendations.Should().Equal(
            new Recommendation(RecommenderRole.Veileder, "v-1", new LocalDate(2024, 11, 25)),
            new Recommendation(RecommenderRole.Supervisor, "sup-olav", new LocalDate(2024, 10, 25)));
        alis.Courses.Should().Equal(new Course("kurs-1", new LocalDate(2024, 4, 18), "Allmennmedisinske arbeidsmetoder", 20m));
        alis.Procedures.Should().Equal(new ProcedureRecord("pros-1", "Ryggundersøkelse", new LocalDate(2024, 5, 14), "sup-olav"));
        alis.JointConsultations.Should().Equal(new JointConsultation("fk-1", new LocalDate(2024, 6, 11), ConsultationPartner.Veileder, "legesenter"));
        alis.IndividualPlanCreatedOn.Should().Be(new LocalDate(2019, 3, 15));
        alis.PlannedThrough.Should().Be(new LocalDate(2027, 7, 31));
        alis.PlanReviews.Should().Equal(new PlanReview("oppf-1", new LocalDate(2024, 8, 27)));
        alis.AlisAgreementSignedOn.Should().Be(new LocalDate(2023, 6, 15));
    }

    [Fact]
    public void Minimal_file_reads_with_empty_lists()
    {
        var result = Read("""{ "municipality": { "id": "3417", "name": "Åsnes kommune" } }""");

        result.Errors.Should().BeEmpty(Describe(result));
        result.Records!.Municipality.Should().BeEquivalentTo(new { Id = "3417", Name = "Åsnes kommune", RegisteredEducationInstitutionSince = (LocalDate?)null });
        result.Records.Municipality.Leaders.Should().BeEmpty();
        result.Records.Municipality.Arenas.Should().BeEmpty();
        result.Records.Veiledere.Should().BeEmpty();
        result.Records.Alis.Should().BeEmpty();
    }

    [Fact]
    public void Minimal_alis_reads_with_defaults()
    {
        var result = Read("""
            {
              "municipality": {
                "id": "3417", "name": "Åsnes kommune",
                "leaders": [{ "id": "leder-1", "name": "Siri Nordby" }],
                "arenas": [{ "id": "legesenter", "name": "Åsnes legesenter", "type": "open-general-practice" }]
              },
              "veiledere": [{ "id": "v-1", "name": "Anne Kristin Bergli" }],
              "alis": [{
                "id": "alis-1", "name": "Emilie Rustad", "leaderId": "leder-1", "scheme": "new", "trainingStart": "2024-02-29",
                "servicePeriods": [{ "id": "sp-1", "arenaId": "legesenter", "from": "2024-02-29", "to": null, "positionPercent": 100 }],
                "veilederAssignments": [{ "id": "va-1", "veilederId": "v-1", "from": "2024-02-29" }],
                "supervisionSessions": [{ "id": "vs-1", "date": "2024-03-12", "minutes": 0, "veilederId": "v-1" }],
                "goals": [{ "id": "lm-1", "goal": "FKM-073", "status": "in-progress" }],
                "leave": null
              }]
            }
            """);

        result.Errors.Should().BeEmpty(Describe(result));
        var alis = result.Records!.Alis.Single();
        alis.TrainingStart.Should().Be(new LocalDate(2024, 2, 29), "2024 is a leap year");
        alis.ServicePeriods.Single().To.Should().BeNull("a period without 'to' runs until further notice");
        alis.VeilederAssignments.Single().To.Should().BeNull();
        var session = alis.SupervisionSessions.Single();
        session.Minutes.Should().Be(0);
        session.ReferatFinalised.Should().BeFalse("a referat not marked finalised is not finalised");
        session.Goals.Should().BeEmpty();
        alis.Goals.Single().Should().BeEquivalentTo(new { Goal = "FKM-073", Status = GoalStatus.InProgress, ApprovedOn = (LocalDate?)null });
        alis.Leave.Should().BeEmpty("null is read as an empty list");
        alis.ConversionDate.Should().BeNull();
        alis.IndividualPlanCreatedOn.Should().BeNull();
        alis.PlannedThrough.Should().BeNull("without plannedThrough the plan covers the whole training");
    }

    [Fact]
    public void Schema_link_and_comments_are_allowed_everywhere()
    {
        var json = Changed(root =>
        {
            At(root, "alis[0].supervisionSessions[0]")["$comment"] = "referatet er ferdig";
            At(root, "alis[0].goals[0].recommendations[1]")["$comment"] = "supervisør på legesenteret";
            At(root, "veiledere[0]")["$schema"] = "ignored";
        }).Insert(1, "\n// En kommentar i JavaScript-stil tåles også.\n");

        Read(json).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Error_text_names_file_path_and_record()
    {
        var result = Read(BadFiles["negative minutes"].Json, Source);
        var parseError = Read("[]", Source);

        result.Errors.Single().ToString().Should().Be("kommune.json: alis[0].supervisionSessions[0].minutes (id vs-1): kan ikke være negativ (-30)");
        parseError.Errors.Single().ToString().Should().Be("kommune.json: må være et JSON-objekt, ikke en liste");
    }

    [Fact]
    public void File_of_exactly_MaxFileBytes_is_not_refused_for_its_size()
    {
        var json = Changed(root => root["$comment"] = string.Empty);
        json = json.Insert(json.Length - 1, new string(' ', RecordsReader.MaxFileBytes - json.Length));

        json.Length.Should().Be(RecordsReader.MaxFileBytes);
        Read(json).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Sample_file_reads()
    {
        var path = Path.Combine(Root, "samples", "asnes", "asnes.json");

        var result = Read(File.ReadAllText(path), path);

        result.Errors.Should().BeEmpty(Describe(result));
        result.Records!.Municipality.Name.Should().Be("Åsnes kommune");
        result.Records.Alis.Should().HaveCount(10);
        result.Records.Alis.Single(alis => alis.Id == "alis-08").Scheme.Should().Be(TrainingScheme.Converted);
        result.Records.Alis.Single(alis => alis.Id == "alis-05").ServicePeriods.Should().Contain(period => period.To == null, "ALIS 5 works 60 % until further notice");
    }

    [Fact]
    public void Sample_file_links_the_schema()
    {
        var folder = Path.Combine(Root, "samples", "asnes");
        var sample = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "asnes.json")))!;

        var link = sample["$schema"]!.GetValue<string>();

        File.Exists(Path.GetFullPath(Path.Combine(folder, link))).Should().BeTrue("'{0}' should point at functions/records.schema.json", link);
        Path.GetFullPath(Path.Combine(folder, link)).Should().Be(Path.Combine(Root, "functions", "records.schema.json"));
    }

    [Fact]
    public void Example_in_RECORDS_md_reads()
    {
        var text = File.ReadAllText(Path.Combine(Root, "functions", "RECORDS.md")).ReplaceLineEndings("\n");
        var section = text.IndexOf("## A complete example", StringComparison.Ordinal);
        section.Should().BePositive("RECORDS.md should have the section '## A complete example'");
        var start = text.IndexOf("```json\n", section, StringComparison.Ordinal) + "```json\n".Length;
        var example = text[start..text.IndexOf("\n```", start, StringComparison.Ordinal)];

        var result = Read(example, "RECORDS.md");

        result.Errors.Should().BeEmpty(Describe(result));
        var periods = result.Records!.Alis.Single().ServicePeriods;
        periods.Should().HaveCount(3);
        periods[^1].To.Should().BeNull("the example's last period runs until further notice");
    }

    private static ExpectedError Error(string path, string? recordId, string message) => new(path, recordId, message);

    private static string Describe(RecordsReadResult result) =>
        result.Errors.Count == 0 ? "(no errors)" : string.Join(Environment.NewLine, result.Errors.Select(error => "  " + error));

    private sealed record ExpectedError(string Path, string? RecordId, string Message);

    private sealed record BadFile(string Json, params ExpectedError[] Expected);
}

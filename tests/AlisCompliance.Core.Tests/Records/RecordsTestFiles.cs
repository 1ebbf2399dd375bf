using System.Text.Json.Nodes;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Core.Tests.Records;

/// <summary>The real catalog, a records file that uses every field of the format, and helpers to break it one way at a time.</summary>
internal static class RecordsTestFiles
{
    /// <summary>
    /// Every field of every record type, each with a valid value; the ALIS is converted and her goal approved so that the
    /// conditionally required fields (conversionDate, approvedOn) are present too.
    /// </summary>
    public const string Full = """
        {
          "$schema": "../functions/records.schema.json",
          "$comment": "Alle felt i formatet, med gyldige verdier.",
          "municipality": {
            "$comment": "Kommunen",
            "id": "3417",
            "name": "Åsnes kommune",
            "registeredEducationInstitutionSince": "2019-03-01",
            "leaders": [{ "id": "leder-1", "name": "Siri Nordby", "email": "siri.nordby@example.no" }],
            "arenas": [
              { "id": "legesenter", "name": "Åsnes legesenter", "type": "open-general-practice", "goals": ["ALM-001", "ALM-034", "FKM-073"] },
              { "id": "sykehus", "name": "Sykehuset Innlandet Kongsvinger", "type": "institution", "goals": ["ALM-055", "ALM-085"] }
            ]
          },
          "veiledere": [
            {
              "id": "v-1",
              "name": "Anne Kristin Bergli",
              "specialistSince": "2006-05-01",
              "exemptionUntil": "2027-01-20",
              "veilederCourseCompletedOn": "2019-11-22",
              "workplaceMunicipalityId": "3417"
            }
          ],
          "alis": [
            {
              "id": "alis-1",
              "name": "Lise Nyhus",
              "leaderId": "leder-1",
              "scheme": "converted",
              "conversionDate": "2023-06-15",
              "trainingStart": "2019-02-04",
              "specialistApprovedOn": "2027-08-01",
              "servicePeriods": [{ "id": "sp-1", "arenaId": "legesenter", "from": "2019-02-04", "to": "2027-07-31", "positionPercent": 60 }],
              "leave": [{ "id": "perm-1", "from": "2020-03-01", "to": "2020-12-31", "reason": "foreldrepermisjon" }],
              "veilederAssignments": [{ "id": "va-1", "veilederId": "v-1", "from": "2019-02-04", "to": "2027-07-31" }],
              "supervisionSessions": [
                { "id": "vs-1", "date": "2024-02-13", "minutes": 90, "veilederId": "v-1", "goals": ["ALM-001", "FKM-073"], "referatFinalised": true }
              ],
              "groupSupervision": [{ "id": "grp-1", "date": "2024-09-11", "hours": 5.5, "groupYear": 1 }],
              "goals": [
                {
                  "id": "lm-1",
                  "goal": "ALM-034",
                  "status": "approved",
                  "approvedOn": "2024-11-27",
                  "approvedByLeaderId": "leder-1",
                  "arenaId": "legesenter",
                  "recommendations": [
                    { "role": "veileder", "personId": "v-1", "date": "2024-11-25" },
                    { "role": "supervisor", "personId": "sup-olav", "date": "2024-10-25" }
                  ]
                }
              ],
              "courses": [{ "id": "kurs-1", "date": "2024-04-18", "topic": "Allmennmedisinske arbeidsmetoder", "hours": 20 }],
              "procedures": [{ "id": "pros-1", "procedure": "Ryggundersøkelse", "date": "2024-05-14", "signedBySupervisor": "sup-olav" }],
              "jointConsultations": [{ "id": "fk-1", "date": "2024-06-11", "with": "veileder", "arenaId": "legesenter" }],
              "individualPlanCreatedOn": "2019-03-15",
              "plannedThrough": "2027-07-31",
              "planReviews": [{ "id": "oppf-1", "date": "2024-08-27" }],
              "alisAgreementSignedOn": "2023-06-15"
            }
          ]
        }
        """;

    private static readonly Lazy<string> LazyRoot = new(() => AlisCompliance.Tests.Shared.RepositoryRoot.Path);

    private static readonly Lazy<TrainingCatalog> LazyCatalog = new(() => CatalogReader.Read(
        File.ReadAllText(System.IO.Path.Combine(Root, "rules", "catalog", "goals.json")),
        File.ReadAllText(System.IO.Path.Combine(Root, "rules", "catalog", "arena-types.json"))));

    public static string Root => LazyRoot.Value;

    public static TrainingCatalog RealCatalog => LazyCatalog.Value;

    public static RecordsReadResult Read(string json, string source = "test.json") => new RecordsReader(RealCatalog).Read(source, json);

    /// <summary><see cref="Full"/> with one change made to it.</summary>
    public static string Changed(Action<JsonObject> change)
    {
        var root = JsonNode.Parse(Full)!.AsObject();
        change(root);
        return root.ToJsonString();
    }

    /// <summary>The object at a reader path such as <c>alis[0].goals[0]</c>; the empty path is the root.</summary>
    public static JsonObject At(JsonObject root, string path)
    {
        JsonNode node = root;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            node = bracket < 0
                ? node[segment]!
                : node[segment[..bracket]]![int.Parse(segment[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture)]!;
        }

        return node.AsObject();
    }

    /// <summary>The reader's path of a field of the object at <paramref name="objectPath"/>.</summary>
    public static string FieldPath(string objectPath, string field) => objectPath.Length == 0 ? field : $"{objectPath}.{field}";

}

using System.Security.Cryptography;
using System.Text;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Records.Reading;
using AlisCompliance.Storage.Ingest;
using AlisCompliance.Storage.Repositories;
using NodaTime.Text;

namespace AlisCompliance.Application.Ingest;

/// <summary>
/// Imports a supervision log (CSV) into one municipality's stored records: each line becomes a supervision session of
/// its ALIS, merged into the ALIS's stored sessions, and the changed ALIS are validated and saved like any ingest
/// (conditional on the versions read, so a concurrent ingest is never overwritten).
/// </summary>
/// <remarks>
/// A session's id is stable: <c>csv-</c> and a hash of ALIS, date, veileder and which session of that ALIS with that
/// veileder on that day the line is (1st, 2nd …). Importing the same file again changes nothing; a corrected minutes
/// or referat value updates the session instead of adding one.
/// </remarks>
public sealed class SupervisionImport(IngestService ingest)
{
    public const string AuditAction = "supervision.import";

    public async Task<SupervisionImportResult> ImportAsync(string source, string csvText, string municipalityId, string actorId, CancellationToken cancellationToken)
    {
        var (rows, csvErrors) = SupervisionCsvReader.Read(csvText);
        if (csvErrors.Count > 0)
        {
            return SupervisionImportResult.Refused(csvErrors);
        }

        var stored = new Dictionary<string, StoredAlis>(StringComparer.Ordinal);
        foreach (var alisId in rows.Select(row => row.AlisId).Distinct(StringComparer.Ordinal))
        {
            if (await ingest.Records.LoadAlisVersionAsync(municipalityId, alisId, cancellationToken) is { } loaded)
            {
                stored[alisId] = loaded;
            }
        }

        var errors = new List<string>();
        foreach (var row in rows)
        {
            if (!stored.TryGetValue(row.AlisId, out var alis))
            {
                errors.Add($"linje {row.Line}: alis_id: ALIS '{row.AlisId}' finnes ikke i kommune {municipalityId}");
            }
            else if (!alis.Records.Veiledere.Any(veileder => string.Equals(veileder.Id, row.VeilederId, StringComparison.Ordinal)))
            {
                errors.Add($"linje {row.Line}: veileder_id: veileder '{row.VeilederId}' finnes ikke i kommune {municipalityId}");
            }
        }

        if (errors.Count > 0)
        {
            return SupervisionImportResult.Refused(errors);
        }

        var sessions = Sessions(rows);
        var (merged, added, updated, unchanged) = Merge(stored, sessions);
        var first = stored.Values.First().Records;
        var records = first with { Alis = merged };
        var request = new IngestRequest([new IngestFile(source, RecordsJson.Document(records))], actorId)
        {
            AuditAction = AuditAction,
            ExpectedBatches = stored.ToDictionary(pair => new AlisKey(municipalityId, pair.Key), pair => (string?)pair.Value.BatchId),
        };
        var result = await ingest.IngestAsync(request, cancellationToken);
        if (result.Outcome == IngestOutcome.Rejected)
        {
            var lines = sessions.ToDictionary(session => session.Session.Id, session => session.Line, StringComparer.Ordinal);
            return SupervisionImportResult.Refused([.. result.Errors.Select(error => Describe(error, lines))]);
        }

        return new SupervisionImportResult([], result, added, updated, unchanged);
    }

    /// <summary>Each line as a session with its stable id.</summary>
    private static List<(int Line, string AlisId, SupervisionSession Session)> Sessions(IReadOnlyList<SupervisionCsvRow> rows)
    {
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        var sessions = new List<(int, string, SupervisionSession)>(rows.Count);
        foreach (var row in rows)
        {
            var day = $"{row.AlisId}\u001F{LocalDatePattern.Iso.Format(row.Date)}\u001F{row.VeilederId}";
            var occurrence = occurrences[day] = occurrences.GetValueOrDefault(day) + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{day}\u001F{occurrence}"));
            var id = "csv-" + Convert.ToHexStringLower(hash)[..16];
            sessions.Add((row.Line, row.AlisId, new SupervisionSession(id, row.Date, row.Minutes, row.VeilederId, [], row.ReferatFinalised)));
        }

        return sessions;
    }

    private static (List<AlisRecord> Merged, int Added, int Updated, int Unchanged) Merge(
        Dictionary<string, StoredAlis> stored, List<(int Line, string AlisId, SupervisionSession Session)> imported)
    {
        var merged = new List<AlisRecord>();
        int added = 0, updated = 0, unchanged = 0;
        foreach (var (alisId, current) in stored)
        {
            var alis = current.Records.Alis.Single();
            var list = alis.SupervisionSessions.ToList();
            foreach (var (_, _, session) in imported.Where(item => string.Equals(item.AlisId, alisId, StringComparison.Ordinal)))
            {
                var index = list.FindIndex(existing => string.Equals(existing.Id, session.Id, StringComparison.Ordinal));
                if (index < 0)
                {
                    list.Add(session);
                    added++;
                }
                else if (Same(list[index], session))
                {
                    unchanged++;
                }
                else
                {
                    list[index] = session with { Goals = list[index].Goals };
                    updated++;
                }
            }

            merged.Add(alis with { SupervisionSessions = list });
        }

        return (merged, added, updated, unchanged);
    }

    private static bool Same(SupervisionSession stored, SupervisionSession imported) =>
        stored.Date == imported.Date && stored.Minutes == imported.Minutes
        && string.Equals(stored.VeilederId, imported.VeilederId, StringComparison.Ordinal) && stored.ReferatFinalised == imported.ReferatFinalised;

    private static string Describe(RecordsError error, Dictionary<string, int> lines) =>
        error.RecordId is not null && lines.TryGetValue(error.RecordId, out var line) ? $"linje {line}: {error.Message}" : error.ToString();
}

using NodaTime;

namespace AlisCompliance.Core.Records.Reading;

/// <summary>
/// Refuses what every field can hold but no ALIS can have: events dated before the training started or long after it
/// ended, and the same service registered twice at one arena.
/// </summary>
internal sealed class RecordsPlausibility(ErrorCollector errors)
{
    /// <summary>
    /// How far past the last service period an event may lie. The reader has no "today": a file must read the same
    /// whatever day it is checked, so a later run never rejects a file an earlier one accepted, and the check bounds
    /// events by the file's own service periods instead. Two years leaves room for courses, reviews and the approval of
    /// goals after the last service, and still catches a mistyped year (2204 for 2024).
    /// </summary>
    private static readonly Period Slack = Period.FromYears(2);

    public void Check(AlisRecord alis, string path)
    {
        CheckDates(alis, path);
        CheckOverlappingService(alis, path);
    }

    private void CheckDates(AlisRecord alis, string path)
    {
        var serviceEnd = LastServiceEnd(alis);
        var latest = serviceEnd?.Plus(Slack);
        void Date(LocalDate? date, string datePath, string recordId, string what)
        {
            if (date is not { } value)
            {
                return;
            }

            if (value < alis.TrainingStart)
            {
                errors.Add(datePath, recordId, $"{what} ({value:dd.MM.yyyy}) er før utdanningsstart ({alis.TrainingStart:dd.MM.yyyy})");
            }
            else if (latest is { } last && value > last)
            {
                errors.Add(datePath, recordId, $"{what} ({value:dd.MM.yyyy}) er mer enn to år etter at siste tjenesteperiode slutter ({serviceEnd:dd.MM.yyyy}); er årstallet riktig?");
            }
        }

        Each(alis.SupervisionSessions, $"{path}.supervisionSessions", (session, item) => Date(session.Date, $"{item}.date", session.Id, "veiledningen"));
        Each(alis.GroupSupervision, $"{path}.groupSupervision", (meeting, item) => Date(meeting.Date, $"{item}.date", meeting.Id, "gruppeveiledningen"));
        Each(alis.Goals, $"{path}.goals", (goal, item) => Date(goal.ApprovedOn, $"{item}.approvedOn", goal.Id, "godkjenningen"));
        Each(alis.Courses, $"{path}.courses", (course, item) => Date(course.Date, $"{item}.date", course.Id, "kurset"));
        Each(alis.Procedures, $"{path}.procedures", (procedure, item) => Date(procedure.Date, $"{item}.date", procedure.Id, "prosedyren"));
        Each(alis.JointConsultations, $"{path}.jointConsultations", (consultation, item) => Date(consultation.Date, $"{item}.date", consultation.Id, "felleskonsultasjonen"));
        Each(alis.PlanReviews, $"{path}.planReviews", (review, item) => Date(review.Date, $"{item}.date", review.Id, "oppfølgingen av planen"));
    }

    /// <summary>The day the last service period ends; none while a period is open, as the service then goes on.</summary>
    private static LocalDate? LastServiceEnd(AlisRecord alis) =>
        alis.ServicePeriods.Count == 0 || alis.ServicePeriods.Any(period => period.To is null)
            ? null
            : alis.ServicePeriods.Max(period => period.To!.Value);

    private void CheckOverlappingService(AlisRecord alis, string path)
    {
        var periods = alis.ServicePeriods;
        for (var first = 0; first < periods.Count; first++)
        {
            for (var second = first + 1; second < periods.Count; second++)
            {
                var (a, b) = (periods[first], periods[second]);
                if (string.Equals(a.ArenaId, b.ArenaId, StringComparison.Ordinal) && !string.Equals(a.Id, b.Id, StringComparison.Ordinal) && Overlaps(a, b))
                {
                    errors.Add(
                        $"{path}.servicePeriods[{second}]",
                        b.Id,
                        $"overlapper med tjenesteperiode '{a.Id}' på samme læringsarena ('{a.ArenaId}'); registrer tjenesten én gang, som én periode eller to som ikke overlapper");
                }
            }
        }
    }

    private static bool Overlaps(ServicePeriod a, ServicePeriod b) =>
        a.From <= (b.To ?? LocalDate.MaxIsoValue) && b.From <= (a.To ?? LocalDate.MaxIsoValue);

    private static void Each<T>(IReadOnlyList<T> items, string path, Action<T, string> check)
    {
        for (var index = 0; index < items.Count; index++)
        {
            check(items[index], $"{path}[{index}]");
        }
    }
}

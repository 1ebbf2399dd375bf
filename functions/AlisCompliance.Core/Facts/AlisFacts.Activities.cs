using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    /// <summary>Distinct course topics attended by the date; topics compare without case or surrounding spaces.</summary>
    public int CourseTopicCount(LocalDate asOf) =>
        _alis.Courses
            .Where(course => course.Date <= asOf)
            .Select(course => course.Topic.Trim().ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .Count();

    /// <summary>Of the required ALM 063 procedures, those not yet performed and signed by a supervisor by the date.</summary>
    public IReadOnlyList<string> ProceduresNotSigned(IEnumerable<string> required, LocalDate asOf)
    {
        var signed = _alis.Procedures
            .Where(procedure => procedure.Date <= asOf && !string.IsNullOrWhiteSpace(procedure.SignedBySupervisor))
            .Select(procedure => procedure.Procedure.Trim())
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        return required.Where(procedure => !signed.Contains(procedure.Trim())).ToArray();
    }

    /// <summary>Joint consultations (felleskonsultasjoner) with the individual veileder by the date.</summary>
    public int JointConsultationsWithVeileder(LocalDate asOf) =>
        _alis.JointConsultations.Count(consultation => consultation.With == ConsultationPartner.Veileder && consultation.Date <= asOf);

    /// <summary>Group supervision hours in group year 1 or 2 by the date.</summary>
    public double GroupSupervisionHours(int groupYear, LocalDate asOf) =>
        (double)_alis.GroupSupervision.Where(meeting => meeting.GroupYear == groupYear && meeting.Date <= asOf).Sum(meeting => meeting.Hours);

    public int GroupSupervisionMeetings(int groupYear, LocalDate asOf) =>
        _alis.GroupSupervision.Count(meeting => meeting.GroupYear == groupYear && meeting.Date <= asOf);

    /// <summary>Whether most meetings of the group year took place while the ALIS served in open general practice.</summary>
    public bool GroupYearInOpenPractice(int groupYear, LocalDate asOf)
    {
        var meetings = _alis.GroupSupervision.Where(meeting => meeting.GroupYear == groupYear && meeting.Date <= asOf).ToArray();
        var inOpenPractice = meetings.Count(meeting => ServicePeriods.Any(period =>
            period.Category == Catalog.ArenaCategory.OpenGeneralPractice && period.Covers(meeting.Date)));
        return meetings.Length > 0 && inOpenPractice * 2 >= meetings.Length;
    }
}

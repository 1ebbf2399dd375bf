using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    /// <summary>Distinct course topics attended by the date; topics compare without case or surrounding spaces.</summary>
    public int CourseTopicCount(LocalDate asOf)
    {
        var topics = new HashSet<string>(StringComparer.Ordinal);
        foreach (var course in _alis.Courses)
        {
            if (course.Date <= asOf)
            {
                topics.Add(course.Topic.Trim().ToUpperInvariant());
            }
        }

        return topics.Count;
    }

    /// <summary>The ALM 063 procedures of the catalog, for rules to pass to <see cref="ProceduresNotSigned"/>.</summary>
    public IReadOnlyList<string> RequiredProcedures => _catalog.Procedures;

    /// <summary>Of the required ALM 063 procedures, those not yet performed and signed by a supervisor by the date.</summary>
    public IReadOnlyList<string> ProceduresNotSigned(IEnumerable<string> required, LocalDate asOf)
    {
        var signed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var procedure in _alis.Procedures)
        {
            if (procedure.Date <= asOf && !string.IsNullOrWhiteSpace(procedure.SignedBySupervisor))
            {
                signed.Add(procedure.Procedure.Trim());
            }
        }

        var missing = new List<string>();
        foreach (var procedure in required)
        {
            if (!signed.Contains(procedure.Trim()))
            {
                missing.Add(procedure);
            }
        }

        return missing.ToArray();
    }

    /// <summary>Joint consultations (felleskonsultasjoner) with the individual veileder by the date.</summary>
    public int JointConsultationsWithVeileder(LocalDate asOf)
    {
        var count = 0;
        foreach (var consultation in _alis.JointConsultations)
        {
            if (consultation.With == ConsultationPartner.Veileder && consultation.Date <= asOf)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Group supervision hours in group year 1 or 2 by the date.</summary>
    public double GroupSupervisionHours(int groupYear, LocalDate asOf)
    {
        var hours = 0m;
        foreach (var meeting in _alis.GroupSupervision)
        {
            if (meeting.GroupYear == groupYear && meeting.Date <= asOf)
            {
                hours += meeting.Hours;
            }
        }

        return (double)hours;
    }

    public int GroupSupervisionMeetings(int groupYear, LocalDate asOf)
    {
        var count = 0;
        foreach (var meeting in _alis.GroupSupervision)
        {
            if (meeting.GroupYear == groupYear && meeting.Date <= asOf)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// Whether the group year is over by the date: the next group year has begun, or a year has passed since its
    /// first meeting. A group year without meetings has not begun, so it is not over either.
    /// </summary>
    public bool GroupYearIsOver(int groupYear, LocalDate asOf)
    {
        LocalDate? first = null;
        var nextYearBegun = false;
        foreach (var meeting in _alis.GroupSupervision)
        {
            if (meeting.Date > asOf)
            {
                continue;
            }

            if (meeting.GroupYear == groupYear && (first is null || meeting.Date < first.Value))
            {
                first = meeting.Date;
            }

            nextYearBegun |= meeting.GroupYear > groupYear;
        }

        return first is { } begun && (nextYearBegun || begun.PlusYears(1) <= asOf);
    }

    /// <summary>Whether most meetings of the group year took place while the ALIS served in open general practice.</summary>
    public bool GroupYearInOpenPractice(int groupYear, LocalDate asOf)
    {
        int meetings = 0, inOpenPractice = 0;
        foreach (var meeting in _alis.GroupSupervision)
        {
            if (meeting.GroupYear != groupYear || meeting.Date > asOf)
            {
                continue;
            }

            meetings++;
            foreach (var period in ServicePeriods)
            {
                if (period.Category == Catalog.ArenaCategory.OpenGeneralPractice && period.Covers(meeting.Date))
                {
                    inOpenPractice++;
                    break;
                }
            }
        }

        return meetings > 0 && inOpenPractice * 2 >= meetings;
    }
}

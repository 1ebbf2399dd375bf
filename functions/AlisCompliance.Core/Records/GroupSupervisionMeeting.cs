using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>Attendance at one group supervision meeting, in group year 1 or 2.</summary>
public sealed record GroupSupervisionMeeting(string Id, LocalDate Date, decimal Hours, int GroupYear);

using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>Leave (permisjon) pauses the training clock: both dates inclusive.</summary>
public sealed record LeavePeriod(string Id, LocalDate From, LocalDate To, string? Reason);

using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>A practical procedure under ALM 063, performed and signed by a supervisor.</summary>
public sealed record ProcedureRecord(string Id, string Procedure, LocalDate Date, string? SignedBySupervisor);

using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>A veileder assigned to the ALIS from a date; without <see cref="To"/> the assignment is ongoing.</summary>
public sealed record VeilederAssignment(string Id, string VeilederId, LocalDate From, LocalDate? To);

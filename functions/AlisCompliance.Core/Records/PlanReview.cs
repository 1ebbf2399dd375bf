using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>A half-yearly review of the individual plan by leader, veileder and ALIS.</summary>
public sealed record PlanReview(string Id, LocalDate Date);

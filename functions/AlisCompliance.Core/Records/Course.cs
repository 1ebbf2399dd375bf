using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>A course (emnekurs) attended, with its topic.</summary>
public sealed record Course(string Id, LocalDate Date, string Topic, decimal? Hours);

using NodaTime;

namespace AlisCompliance.Core.Facts;

/// <summary>One supervision session as rules see it.</summary>
public sealed record SessionFacts(string Id, LocalDate Date, double Hours, string VeilederId, bool ReferatFinalised);

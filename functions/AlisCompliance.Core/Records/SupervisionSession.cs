using NodaTime;

namespace AlisCompliance.Core.Records;

/// <summary>One individual supervision conversation (veiledningssamtale).</summary>
public sealed record SupervisionSession(
    string Id,
    LocalDate Date,
    int Minutes,
    string VeilederId,
    IReadOnlyList<string> Goals,
    bool ReferatFinalised);

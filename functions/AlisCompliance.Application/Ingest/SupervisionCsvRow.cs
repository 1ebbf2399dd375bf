using NodaTime;

namespace AlisCompliance.Application.Ingest;

/// <summary>One valid line of a supervision log: a session the ALIS had with a veileder.</summary>
/// <param name="Line">The line number in the file (the header is line 1).</param>
/// <param name="Date">The session's date.</param>
/// <param name="Minutes">How long it lasted.</param>
/// <param name="VeilederId">The veileder's id.</param>
/// <param name="AlisId">The ALIS's id.</param>
/// <param name="ReferatFinalised">Whether the minutes (referat) are finalised.</param>
public sealed record SupervisionCsvRow(int Line, LocalDate Date, int Minutes, string VeilederId, string AlisId, bool ReferatFinalised);

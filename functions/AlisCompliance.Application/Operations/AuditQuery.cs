using AlisCompliance.Application.Hosting;
using AlisCompliance.Storage.Repositories;
using NodaTime.Text;

namespace AlisCompliance.Application.Operations;

/// <summary>
/// The AuditQuery function, for operators: one month's audit entries (UTC), newest first: who (an id), when, what, on
/// what, and the content's hash.
/// </summary>
public sealed class AuditQuery(AuditLog audit)
{
    /// <param name="month">The query's <c>month</c>, e.g. <c>2026-12</c>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>200 with the entries; 400 when the month is missing or not a month.</returns>
    public async Task<HttpAnswer> RespondAsync(string? month, CancellationToken cancellationToken)
    {
        var parsed = YearMonthPattern.Iso.Parse(month ?? string.Empty);
        if (!parsed.Success)
        {
            return ErrorAnswers.Create(400, "Oppgi måneden som ?month=ÅÅÅÅ-MM, for eksempel ?month=2026-12.");
        }

        var entries = await audit.ListAsync(parsed.Value, cancellationToken);
        return JsonAnswers.Create(200, new
        {
            month = YearMonthPattern.Iso.Format(parsed.Value),
            entries = entries.Select(entry => new
            {
                id = entry.Id,
                at = InstantPattern.ExtendedIso.Format(entry.At),
                actorId = entry.ActorId,
                action = entry.Action,
                targetId = entry.TargetId,
                contentHash = entry.ContentHash,
                details = entry.Details,
            }),
        });
    }
}

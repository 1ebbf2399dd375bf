using AlisCompliance.Core.Compliance.Impact;
using AlisCompliance.Storage.Repositories;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// The outcome of <see cref="PublishRules"/>: the problems of a refused bundle (nothing changed); or for a dry run the
/// impact; or the stored publication, whether it is in force today, and how many ALIS were queued for re-evaluation.
/// </summary>
public sealed record PublishResult(IReadOnlyList<PublishProblem> Problems, string ContentHash)
{
    public ImpactReport? Impact { get; init; }

    public RuleSetPublication? Publication { get; init; }

    public bool InForceNow { get; init; }

    public int Queued { get; init; }

    public bool IsRefused => Problems.Count > 0;
}

using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    public LocalDate? IndividualPlanCreatedOn => _alis.IndividualPlanCreatedOn;

    public LocalDate? AlisAgreementSignedOn => _alis.AlisAgreementSignedOn;

    /// <summary>The last day a time-limited individual plan covers; null when the plan covers the whole training.</summary>
    public LocalDate? PlannedThrough => _alis.PlannedThrough;

    /// <summary>
    /// Whether the recorded service periods are a plan for the whole training on the date: an individual plan
    /// exists, and it is not a time-limited plan for a shorter contract. Only then can the end-of-training
    /// requirements be judged against the plan; before that, periods that simply stop are a rotation nobody has
    /// planned yet, not a plan that falls short.
    /// </summary>
    public bool PlanCoversWholeTraining(LocalDate asOf) =>
        IndividualPlanCreatedOn is { } created && created <= asOf && PlannedThrough is null;

    /// <summary>The latest half-yearly review on or before the date; null if none.</summary>
    public LocalDate? LastPlanReview(LocalDate asOf)
    {
        LocalDate? last = null;
        foreach (var review in _alis.PlanReviews)
        {
            if (review.Date <= asOf && (last is null || review.Date > last.Value))
            {
                last = review.Date;
            }
        }

        return last;
    }
}

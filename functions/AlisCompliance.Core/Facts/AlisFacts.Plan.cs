using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    public LocalDate? IndividualPlanCreatedOn => _alis.IndividualPlanCreatedOn;

    public LocalDate? AlisAgreementSignedOn => _alis.AlisAgreementSignedOn;

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

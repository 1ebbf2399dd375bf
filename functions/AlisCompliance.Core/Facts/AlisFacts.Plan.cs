using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    public LocalDate? IndividualPlanCreatedOn => _alis.IndividualPlanCreatedOn;

    public LocalDate? AlisAgreementSignedOn => _alis.AlisAgreementSignedOn;

    /// <summary>The latest half-yearly review on or before the date; null if none.</summary>
    public LocalDate? LastPlanReview(LocalDate asOf) =>
        _alis.PlanReviews.Where(review => review.Date <= asOf).Select(review => (LocalDate?)review.Date).Max();
}

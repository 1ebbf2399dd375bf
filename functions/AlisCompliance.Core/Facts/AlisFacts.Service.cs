using NodaTime;

namespace AlisCompliance.Core.Facts;

public sealed partial class AlisFacts
{
    /// <summary>Service periods, done and planned, in date order.</summary>
    public IReadOnlyList<ServicePeriodFacts> ServicePeriods { get; }

    /// <summary>
    /// FTE years of service in a category ("open-general-practice", "other-general-practice", "institution", "all")
    /// up to and including <paramref name="until"/>, counting only periods at ≥ <paramref name="minimumPercent"/> %.
    /// </summary>
    public double ServiceYears(string category, LocalDate until, int minimumPercent) =>
        _serviceTime.Years(category, until, minimumPercent);

    /// <summary>FTE years in the category over the whole plan (done and planned periods).</summary>
    public double PlannedServiceYears(string category, int minimumPercent) =>
        PlanHorizon is { } end ? _serviceTime.Years(category, end, minimumPercent) : 0;

    /// <summary>Service that counts toward the total, with the regulation's caps given by the rule.</summary>
    public double CountableServiceYears(LocalDate until, double maxGeneralPracticeYears, double maxOtherGeneralPracticeYears) =>
        _serviceTime.CountableYears(until, maxGeneralPracticeYears, maxOtherGeneralPracticeYears);

    /// <summary>The projected completion: the first day countable service reaches <paramref name="years"/>; null if the plan never does.</summary>
    public LocalDate? DateServiceReaches(double years, double maxGeneralPracticeYears, double maxOtherGeneralPracticeYears) =>
        _serviceTime.DateReaching(years, maxGeneralPracticeYears, maxOtherGeneralPracticeYears);

    /// <summary>The last day of the last planned period; null when a period runs until further notice or none is recorded.</summary>
    public LocalDate? PlannedServiceEnd => HasOpenEndedService ? null : PlanHorizon;

    /// <summary>True when some period runs until further notice, so the plan has no fixed end.</summary>
    public bool HasOpenEndedService
    {
        get
        {
            foreach (var period in ServicePeriods)
            {
                if (period.To is null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The end of the plan as far as it is known: the planned end, or 40 years after the start when some service runs
    /// until further notice; null without service periods.
    /// </summary>
    public LocalDate? PlanHorizon => _serviceTime.LastPlannedDay();

    /// <summary>The service period in force on the date, the one that started last if several are.</summary>
    public ServicePeriodFacts? ServicePeriodOn(LocalDate date)
    {
        for (var index = ServicePeriods.Count - 1; index >= 0; index--)
        {
            if (ServicePeriods[index].Covers(date))
            {
                return ServicePeriods[index];
            }
        }

        return null;
    }
}

using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Compliance.Impact;

/// <summary>
/// What changing the rules would do: both rule sets evaluated over the same records as of the same date, and for each
/// ALIS the findings gained, lost or changed. Pure, so a dry run and the real publication give the same answer.
/// </summary>
public static class RuleSetImpact
{
    public static ImpactReport Compare(ComplianceChecker from, ComplianceChecker to, IReadOnlyList<MunicipalityRecords> municipalities, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        return Compare(from.Check(municipalities, asOf), to.Check(municipalities, asOf));
    }

    /// <summary>Compares two reports of the same records as of the same date.</summary>
    public static ImpactReport Compare(ComplianceReport from, ComplianceReport to)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from.AsOf != to.AsOf)
        {
            throw new ArgumentException($"Both reports must be as of the same date ({from.AsOf} and {to.AsOf}).", nameof(to));
        }

        var before = from.Findings.ToLookup(AlisKey.Of);
        var after = to.Findings.ToLookup(AlisKey.Of);
        var newErrors = to.Errors.ToLookup(error => new AlisKey(error.MunicipalityId, error.AlisId));
        var changedAlis = before.Select(group => group.Key)
            .Union(after.Select(group => group.Key))
            .Union(newErrors.Select(group => group.Key))
            .Select(key => CompareAlis(key, before[key], after[key], newErrors[key]))
            .Where(alis => alis.HasChanges)
            .ToList();

        var municipalities = changedAlis
            .GroupBy(alis => alis.MunicipalityId, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => new MunicipalityImpact(group.Key, [.. group.OrderBy(alis => alis.AlisId, StringComparer.Ordinal)]))
            .ToList();
        return new ImpactReport(from.AsOf, from.RuleSetVersion, to.RuleSetVersion, municipalities);
    }

    private static AlisImpact CompareAlis(AlisKey key, IEnumerable<Finding> before, IEnumerable<Finding> after, IEnumerable<EvaluationError> errors)
    {
        var beforeByRule = before.ToDictionary(finding => finding.RuleId, StringComparer.Ordinal);
        var afterByRule = after.ToDictionary(finding => finding.RuleId, StringComparer.Ordinal);
        var gained = afterByRule.Values.Where(finding => !beforeByRule.ContainsKey(finding.RuleId)).OrderBy(finding => finding.RuleId, StringComparer.Ordinal).ToList();
        var lost = beforeByRule.Values.Where(finding => !afterByRule.ContainsKey(finding.RuleId)).OrderBy(finding => finding.RuleId, StringComparer.Ordinal).ToList();
        var changed = beforeByRule.Values
            .Where(finding => afterByRule.TryGetValue(finding.RuleId, out var other) && !FindingChange.SameVerdict(finding, other))
            .OrderBy(finding => finding.RuleId, StringComparer.Ordinal)
            .Select(finding => new FindingChange(finding, afterByRule[finding.RuleId]))
            .ToList();
        return new AlisImpact(key.MunicipalityId, key.AlisId, gained, lost, changed, [.. errors.OrderBy(error => error.RuleId, StringComparer.Ordinal)]);
    }

    private readonly record struct AlisKey(string MunicipalityId, string AlisId)
    {
        public static AlisKey Of(Finding finding) => new(finding.MunicipalityId, finding.AlisId);
    }
}

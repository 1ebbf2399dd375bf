using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// Evaluates the rule set for every ALIS in training on the as-of date. Pure: the same records, rules and date
/// always give the same report, in the same order.
/// </summary>
public sealed class ComplianceChecker(ComplianceRuleSet rules, TrainingCatalog catalog)
{
    public ComplianceReport Check(IReadOnlyList<MunicipalityRecords> municipalities, LocalDate asOf)
    {
        var evaluations = municipalities
            .SelectMany(records => records.Alis.Select(alis => (records, alis)))
            .AsParallel()
            .AsOrdered()
            .Select(pair => EvaluateAlis(pair.records, pair.alis, asOf))
            .ToList();

        return new ComplianceReport(
            asOf,
            rules.Version,
            rules.RuleCount,
            evaluations.Count(evaluation => evaluation != AlisEvaluation.None),
            evaluations.SelectMany(evaluation => evaluation.Findings).ToList(),
            evaluations.SelectMany(evaluation => evaluation.Errors).ToList());
    }

    /// <summary>
    /// The findings for one ALIS. An ALIS not in training on the date (not started, or already approved as
    /// specialist) gets none: the rules describe training in progress.
    /// </summary>
    public AlisEvaluation EvaluateAlis(MunicipalityRecords records, AlisRecord alis, LocalDate asOf)
    {
        var facts = AlisFacts.Create(records, alis, catalog);
        if (!facts.IsInTrainingOn(asOf))
        {
            return AlisEvaluation.None;
        }

        var findings = new List<Finding>();
        var errors = new List<EvaluationError>();
        foreach (var result in rules.Compiled.Evaluate([facts, asOf], asOf))
        {
            if (result.IsSuccess || !rules.AppliesTo(result.Name, alis.Scheme))
            {
                continue;
            }

            var exception = FindingFactory.FirstException(result);
            if (exception is not null)
            {
                errors.Add(new EvaluationError(alis.Id, records.Municipality.Id, result.Name, exception));
                continue;
            }

            findings.Add(FindingFactory.Create(result, alis.Id, records.Municipality.Id));
        }

        return new AlisEvaluation(alis.Id, findings, errors);
    }
}

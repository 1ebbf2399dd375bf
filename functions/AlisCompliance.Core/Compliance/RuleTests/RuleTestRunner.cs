using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Core.Compliance.RuleTests;

/// <summary>
/// Runs the examples in rules/tests against a rule set. Every rule must have at least one example where it passes
/// and one where it fails, so that a rule change cannot silently turn a rule off or on for everybody.
/// </summary>
public static class RuleTestRunner
{
    public static RuleTestReport Run(ComplianceRuleSet rules, TrainingCatalog catalog, IReadOnlyList<RuleSource> testFiles)
    {
        var errors = new List<string>();
        var cases = testFiles.SelectMany(file => RuleTestFileReader.Read(file.Name, file.Json, rules.NamedDates, errors)).ToList();
        var ruleIds = rules.Rules.Select(rule => rule.Name).ToHashSet(StringComparer.Ordinal);
        var checker = new ComplianceChecker(rules, catalog);
        var reader = new RecordsReader(catalog);
        var failures = new List<RuleTestFailure>();
        var passedSomewhere = new HashSet<string>(StringComparer.Ordinal);
        var failedSomewhere = new HashSet<string>(StringComparer.Ordinal);
        var checks = 0;

        foreach (var testCase in cases)
        {
            var read = reader.Read($"{testCase.Source} '{testCase.Name}'", testCase.RecordsJson);
            if (!read.IsValid)
            {
                errors.AddRange(read.Errors.Select(error => error.ToString()));
                continue;
            }

            var records = read.Records!;
            var evaluation = checker.EvaluateAlis(records, records.Alis[0], testCase.AsOf);
            errors.AddRange(evaluation.Errors.Select(error => $"{testCase.Source}: '{testCase.Name}': {error.RuleId} kastet unntak: {error.Message}"));
            var threw = evaluation.Errors.Select(error => error.RuleId).ToHashSet(StringComparer.Ordinal);
            var findings = evaluation.Findings.ToDictionary(finding => finding.RuleId, StringComparer.Ordinal);

            foreach (var (ruleId, expected) in testCase.Expectations)
            {
                if (!ruleIds.Contains(ruleId))
                {
                    errors.Add($"{testCase.Source}: '{testCase.Name}': regelen {ruleId} finnes ikke (eller er slått av) i regelsettet");
                    continue;
                }

                checks++;
                if (threw.Contains(ruleId))
                {
                    // Already reported as an exception; it has no outcome to compare, and "ga pass" would be untrue.
                    continue;
                }

                var finding = findings.GetValueOrDefault(ruleId);
                var actual = finding is null ? RuleTestFileReader.Pass : SeverityNames.Code(finding.Severity);
                (string.Equals(actual, RuleTestFileReader.Pass, StringComparison.Ordinal) ? passedSomewhere : failedSomewhere).Add(ruleId);
                if (!string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    failures.Add(new RuleTestFailure(testCase.Source, testCase.Name, ruleId, expected, actual, finding?.Message));
                }
            }
        }

        foreach (var ruleId in ruleIds.Order(StringComparer.Ordinal))
        {
            if (!passedSomewhere.Contains(ruleId))
            {
                errors.Add($"{ruleId} har ingen test der regelen består");
            }

            if (!failedSomewhere.Contains(ruleId))
            {
                errors.Add($"{ruleId} har ingen test der regelen slår til");
            }
        }

        return new RuleTestReport(cases.Count, checks, failures, errors);
    }
}

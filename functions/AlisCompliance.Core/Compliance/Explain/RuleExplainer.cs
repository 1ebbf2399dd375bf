using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Compliance.Explain;

/// <summary>
/// Explains the rules for one ALIS. The rule set must be compiled with <c>recordFacts</c>, so the generated code itself
/// records each fact a rule reads as it runs (no second implementation of what a rule means). Verdicts, severities and
/// messages are the ones <see cref="ComplianceChecker"/> gives.
/// </summary>
public static class RuleExplainer
{
    // Rule metadata are records: two rules with equal fields are still two rules.
    private static readonly IEqualityComparer<RuleMetadata> ByReference = ReferenceEqualityComparer.Instance;

    public static AlisExplanation Explain(ComplianceRuleSet rules, TrainingCatalog catalog, MunicipalityRecords records, AlisRecord alis, LocalDate asOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(alis);
        var facts = AlisFacts.Create(records, alis, catalog);
        var trace = rules.Compiled.Trace([facts, asOf], asOf);
        var results = trace.Results.ToDictionary(result => result.Rule, ByReference);
        var explained = rules.Rules.Select(rule =>
        {
            var result = results.GetValueOrDefault(rule);
            return !rules.AppliesTo(rule.Name, alis.Scheme) ? NotRun(rule, RuleVerdict.NotForScheme, parentReference: string.Empty)
                : result is null ? NotRun(rule, RuleVerdict.NotInForce, parentReference: string.Empty)
                : TopLevel(result, trace, alis.Id, records.Municipality.Id);
        }).ToList();
        return new AlisExplanation(alis.Id, records.Municipality.Id, alis.Scheme, asOf, facts.IsInTrainingOn(asOf), rules.Version, explained);
    }

    /// <summary>The ALIS with this id in the records, or null.</summary>
    public static (MunicipalityRecords Records, AlisRecord Alis)? Find(IReadOnlyList<MunicipalityRecords> municipalities, string alisId)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        return municipalities.SelectMany(records => records.Alis.Select(alis => (records, alis)))
            .Where(pair => string.Equals(pair.alis.Id, alisId, StringComparison.Ordinal))
            .Select(pair => ((MunicipalityRecords, AlisRecord)?)pair)
            .FirstOrDefault();
    }

    /// <summary>The id in the records closest to a mistyped one ("mente du …?"), or null when none is close.</summary>
    public static string? ClosestAlisId(IReadOnlyList<MunicipalityRecords> municipalities, string alisId)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        return EditDistance.ClosestMatch(alisId, municipalities.SelectMany(records => records.Alis.Select(alis => alis.Id)));
    }

    private static RuleExplanation TopLevel(RuleResult result, RuleTrace trace, string alisId, string municipalityId)
    {
        var explanation = Explain(result, trace, inheritedSeverity: null, parentReference: string.Empty);
        if (explanation.Verdict != RuleVerdict.Failed || FindingFactory.FirstException(result) is not null)
        {
            return FindingFactory.FirstException(result) is { } exception && explanation.Verdict != RuleVerdict.Error
                ? explanation with { Verdict = RuleVerdict.Error, Severity = null, Message = exception }
                : explanation;
        }

        // The finding `check` reports: for a rule with nested rules, the worst failing child decides severity and message.
        var finding = FindingFactory.Create(result, alisId, municipalityId);
        return explanation with { Severity = finding.Severity, Message = finding.Message };
    }

    private static RuleExplanation Explain(RuleResult result, RuleTrace trace, Severity? inheritedSeverity, string parentReference)
    {
        var rule = result.Rule;
        var severity = SeverityNames.TryParse(rule.Properties.GetString("severity"), out var own) ? own : inheritedSeverity;
        var reference = rule.Properties.GetString("legalReference") ?? parentReference;
        var byRule = result.ChildResults.ToDictionary(child => child.Rule, ByReference);
        var children = rule.Children
            .Select(child => byRule.GetValueOrDefault(child) is { } childResult
                ? Explain(childResult, trace, severity, reference)
                : NotRun(child, RuleVerdict.NotInForce, reference))
            .ToList();
        var verdict = result.HasException ? RuleVerdict.Error : result.IsSuccess ? RuleVerdict.Passed : RuleVerdict.Failed;
        return new RuleExplanation(
            rule,
            verdict,
            verdict == RuleVerdict.Failed ? severity ?? Severity.Warning : null,
            verdict == RuleVerdict.Error ? result.ExceptionMessage : verdict == RuleVerdict.Failed ? result.ErrorMessage : null,
            reference,
            result.LocalParams,
            trace.FactsOf(rule),
            children);
    }

    private static RuleExplanation NotRun(RuleMetadata rule, RuleVerdict verdict, string parentReference) =>
        new(rule, verdict, null, null, rule.Properties.GetString("legalReference") ?? parentReference, [], [], []);
}

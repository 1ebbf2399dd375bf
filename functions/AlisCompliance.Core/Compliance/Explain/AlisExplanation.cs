using AlisCompliance.Core.Records;
using NodaTime;

namespace AlisCompliance.Core.Compliance.Explain;

/// <summary>Every rule of the rule set for one ALIS as of one date: the answer to "why did I get this alert?".</summary>
/// <param name="InTraining">False when the ALIS is not in training on the date: then `check` gives no findings at all, whatever the rules say.</param>
public sealed record AlisExplanation(
    string AlisId,
    string MunicipalityId,
    TrainingScheme Scheme,
    LocalDate AsOf,
    bool InTraining,
    string RuleSetVersion,
    IReadOnlyList<RuleExplanation> Rules);

using System.Security.Cryptography;
using System.Text;
using AlisCompliance.Core.Facts;
using AlisCompliance.Core.Records;
using AlisCompliance.Core.Rules;
using NodaTime;

namespace AlisCompliance.Core.Compliance;

/// <summary>
/// The ALIS rule set: the generic engine compiled against the inputs <c>alis</c> (<see cref="AlisFacts"/>) and
/// <c>asOf</c> (<see cref="LocalDate"/>), with our metadata in Properties checked. Identified by a content hash.
/// </summary>
public sealed class ComplianceRuleSet : IDisposable
{
    public static readonly IReadOnlyList<RuleParameter> Parameters =
    [
        new RuleParameter("alis", typeof(AlisFacts)),
        new RuleParameter("asOf", typeof(LocalDate)),
    ];

    /// <summary>The facts types rule expressions may use, with all their public members.</summary>
    public static readonly IReadOnlyList<Type> FactsTypes =
    [
        typeof(AlisFacts), typeof(SupervisionYear), typeof(VeilederFacts), typeof(SessionFacts), typeof(ServicePeriodFacts),
    ];

    /// <summary>Helpers rule expressions and messages may call besides the facts, such as <see cref="Texts.Count(long, string, string)"/>.</summary>
    public static readonly IReadOnlyList<Type> HelperTypes = [typeof(Texts)];

    private readonly Dictionary<string, IReadOnlySet<TrainingScheme>> _schemesByRule;

    private ComplianceRuleSet(CompiledRuleSet compiled, string version, IReadOnlyDictionary<string, LocalDate> namedDates, IReadOnlyList<RuleDiagnostic> warnings)
    {
        Compiled = compiled;
        Version = version;
        NamedDates = namedDates;
        Warnings = warnings;
        _schemesByRule = compiled.Rules.ToDictionary(rule => rule.Name, rule => RuleSchemes.Of(rule.Properties), StringComparer.Ordinal);
    }

    /// <summary>A short content hash of every rules file: two rule sets with the same files have the same version.</summary>
    public string Version { get; }

    public int RuleCount => Compiled.RuleCount;

    public IReadOnlyList<RuleMetadata> Rules => Compiled.Rules;

    /// <summary>Problems that do not stop the rules: ignored fields, and expressions Microsoft RulesEngine cannot run.</summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; }

    internal CompiledRuleSet Compiled { get; }

    /// <summary>
    /// The GlobalParams that are a fixed date (<c>new LocalDate(2026, 12, 31)</c>), by name, such as
    /// <c>transitionDeadline</c>: rule tests write their dates relative to these, so moving a deadline is one edit.
    /// A name that two workflows give different dates is left out.
    /// </summary>
    public IReadOnlyDictionary<string, LocalDate> NamedDates { get; }

    /// <summary>Whether the rule (top-level name) applies to an ALIS on the scheme, per its <c>schemes</c> property.</summary>
    public bool AppliesTo(string ruleName, TrainingScheme scheme) =>
        _schemesByRule.TryGetValue(ruleName, out var schemes) && schemes.Contains(scheme);

    /// <summary>The time and memory each top-level rule may use for one ALIS.</summary>
    public EvaluationBudget Budget => Compiled.Budget;

    /// <summary>Reads, checks and compiles the workflow files; throws <see cref="RuleSetCompilationException"/> listing every problem.</summary>
    /// <param name="budget">Time and memory per top-level rule and ALIS; <see cref="EvaluationBudget.Default"/> when null.</param>
    /// <param name="recordFacts">
    /// For <see cref="RuleExplainer"/> only: the rules also record every fact they read from <c>alis</c>, which costs time;
    /// the normal evaluation compiles without it.
    /// </param>
    public static ComplianceRuleSet Compile(IReadOnlyList<RuleSource> files, EvaluationBudget? budget = null, bool recordFacts = false)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count == 0)
        {
            throw new RuleSetCompilationException(
            [
                new RuleDiagnostic("workflows", null, null, null, new SourcePosition(1, 1), RuleDiagnosticCodes.NoWorkflows,
                    "Regelmappen har ingen regler: legg arbeidsflytene som .json-filer i workflows/."),
            ]);
        }

        var workflows = new List<Workflow>();
        var diagnostics = new List<RuleDiagnostic>();
        foreach (var file in files)
        {
            var read = WorkflowReader.Read(file.Json, file.Name);
            workflows.AddRange(read.Workflows);
            diagnostics.AddRange(read.Diagnostics);
        }

        diagnostics.AddRange(RulePropertiesCheck.Check(workflows));
        if (diagnostics.Any(diagnostic => diagnostic.IsError))
        {
            throw new RuleSetCompilationException(diagnostics);
        }

        var compiled = RuleCompiler.Compile(workflows, new RuleCompilerOptions
        {
            Parameters = Parameters,
            AllowedTypes = [.. FactsTypes, .. HelperTypes],
            FormatValue = NorwegianFormat.Value,
            RecordReadsOf = recordFacts ? Parameters[0].Name : null,
            Budget = budget ?? EvaluationBudget.Default,
        });
        return new ComplianceRuleSet(compiled, VersionOf(files), FixedDateParameters.Of(workflows), [.. diagnostics, .. compiled.Warnings]);
    }

    public void Dispose() => Compiled.Dispose();

    private static string VersionOf(IReadOnlyList<RuleSource> files)
    {
        var text = new StringBuilder();
        foreach (var file in files.OrderBy(file => Path.GetFileName(file.Name), StringComparer.Ordinal))
        {
            text.Append(Path.GetFileName(file.Name)).Append('\n').Append(file.Json.ReplaceLineEndings("\n")).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }
}

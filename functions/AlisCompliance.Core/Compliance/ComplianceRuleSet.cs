using System.Security.Cryptography;
using System.Text;
using AlisCompliance.Core.Facts;
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

    private ComplianceRuleSet(CompiledRuleSet compiled, string version, IReadOnlyList<RuleDiagnostic> warnings)
    {
        Compiled = compiled;
        Version = version;
        Warnings = warnings;
    }

    /// <summary>A short content hash of every rules file: two rule sets with the same files have the same version.</summary>
    public string Version { get; }

    public int RuleCount => Compiled.RuleCount;

    public IReadOnlyList<RuleMetadata> Rules => Compiled.Rules;

    /// <summary>Problems that do not stop the rules: ignored fields, and expressions Microsoft RulesEngine cannot run.</summary>
    public IReadOnlyList<RuleDiagnostic> Warnings { get; }

    internal CompiledRuleSet Compiled { get; }

    /// <summary>Reads, checks and compiles the workflow files; throws <see cref="RuleSetCompilationException"/> listing every problem.</summary>
    public static ComplianceRuleSet Compile(IReadOnlyList<RuleSource> files)
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
            AllowedTypes = FactsTypes,
            FormatValue = NorwegianFormat.Value,
        });
        return new ComplianceRuleSet(compiled, VersionOf(files), [.. diagnostics, .. compiled.Warnings]);
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

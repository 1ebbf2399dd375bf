using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Application.Rules;

/// <summary>
/// A rule-set version ready to evaluate: the compiled workflows, the catalog of the same version, the checker over both,
/// and <see cref="Version"/>, the bundle's content hash, which every finding it produces is stored with.
/// </summary>
public sealed record CompiledRules(ComplianceChecker Checker, ComplianceRuleSet RuleSet, TrainingCatalog Catalog, string Version);

using System.Runtime.CompilerServices;

// The generated rule assembly calls the engine's internal runtime helpers; nothing else needs them.
[assembly: InternalsVisibleTo(AlisCompliance.Core.Rules.GeneratedAssembly.Name)]

namespace AlisCompliance.Core.Rules;

internal static class GeneratedAssembly
{
    public const string Name = "AlisCompliance.Rules.Generated";

    // Names starting with "__" cannot be written in rule expressions, so these can never be reached from rules.
    public const string Namespace = "__CompiledRules";
    public const string TypeName = "__GeneratedRuleSet";
    public const string FullTypeName = Namespace + "." + TypeName;

    public static string WorkflowMethodName(int workflowIndex) => "Workflow" + workflowIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

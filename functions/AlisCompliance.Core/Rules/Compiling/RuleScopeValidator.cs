namespace AlisCompliance.Core.Rules;

/// <summary>
/// Checks the names that become C# variables (GlobalParams, LocalParams) and the rule and workflow
/// names results are identified by.
/// </summary>
internal sealed class RuleScopeValidator(IReadOnlyList<RuleParameter> inputs, List<RuleDiagnostic> diagnostics)
{
    private readonly ScopeValidation result = new();

    public ScopeValidation Validate(IReadOnlyList<WorkflowPlan> workflows)
    {
        var workflowNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var plan in workflows)
        {
            var workflow = plan.Workflow;
            if (!workflowNames.Add(workflow.Name))
            {
                Report(plan, null, "WorkflowName", workflow.NamePosition, RuleDiagnosticCodes.DuplicateName, $"Navnet '{workflow.Name}' brukes av mer enn én arbeidsflyt.");
            }

            var outer = inputs.ToDictionary(input => input.Name, _ => "inputen", StringComparer.Ordinal);
            ValidateParameters(plan, null, workflow.GlobalParams, "GlobalParams", outer);

            var ruleNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in plan.Nodes)
            {
                if (!ruleNames.Add(node.Definition.Name))
                {
                    Report(plan, node, "RuleName", node.Definition.NamePosition, RuleDiagnosticCodes.DuplicateName, $"RuleName '{node.Definition.Name}' brukes mer enn én gang i arbeidsflyten '{workflow.Name}'.");
                }

                var visible = new Dictionary<string, string>(outer, StringComparer.Ordinal);
                foreach (var ancestor in node.SelfAndAncestors().Skip(1))
                {
                    foreach (var local in ancestor.Definition.LocalParams)
                    {
                        visible.TryAdd(local.Name, $"LocalParams i overordnet regel '{ancestor.Path}'");
                    }
                }

                ValidateParameters(plan, node, node.Definition.LocalParams, "LocalParams", visible);
            }
        }

        return result;
    }

    private void ValidateParameters(
        WorkflowPlan plan,
        RuleNode? rule,
        IReadOnlyList<ScopedParameter> parameters,
        string listField,
        Dictionary<string, string> outerNames)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            var field = $"{listField}[{parameter.Name}]";
            string? problem;
            if (ParameterNames.Problem(parameter.Name) is { } nameProblem)
            {
                problem = nameProblem;
            }
            else if (!declared.Add(parameter.Name))
            {
                problem = $"'{parameter.Name}' er oppgitt mer enn én gang i {listField}.";
            }
            else if (outerNames.TryGetValue(parameter.Name, out var owner))
            {
                problem = $"'{parameter.Name}' skjuler {owner} med samme navn: velg et annet navn.";
            }
            else
            {
                continue;
            }

            result.UnusableParameters.Add(parameter);
            Report(plan, rule, field, parameter.NamePosition, RuleDiagnosticCodes.InvalidName, problem);
        }

        if (rule is null)
        {
            foreach (var name in declared)
            {
                outerNames.TryAdd(name, "GlobalParams-verdien");
            }
        }
    }

    private void Report(WorkflowPlan plan, RuleNode? rule, string field, SourcePosition position, string code, string message)
    {
        // A duplicate name breaks no C# code; a bad parameter name would make the C# errors around it noise.
        if (!string.Equals(code, RuleDiagnosticCodes.DuplicateName, StringComparison.Ordinal))
        {
            result.MarkBroken(plan, rule);
        }

        diagnostics.Add(new RuleDiagnostic(plan.Workflow.SourceFile, plan.Workflow.Name, rule?.Path, field, position, code, message));
    }
}

namespace AlisCompliance.Core.Rules;

/// <summary>The engine's own diagnostic codes; C# errors keep Roslyn's CSxxxx codes.</summary>
public static class RuleDiagnosticCodes
{
    /// <summary>The file is not well-formed JSON.</summary>
    public const string InvalidJson = "RULE001";

    /// <summary>The JSON does not follow the workflow format (unknown field, wrong type, missing field …).</summary>
    public const string InvalidWorkflow = "RULE002";

    /// <summary>An expression names a type, member or namespace that is not on the allow-list.</summary>
    public const string NotAllowed = "RULE003";

    /// <summary>An expression uses C# syntax that rules may not use (typeof, assignment, query syntax …).</summary>
    public const string ForbiddenSyntax = "RULE004";

    /// <summary>An ErrorMessage has a malformed $(…) placeholder.</summary>
    public const string InvalidPlaceholder = "RULE005";

    /// <summary>A parameter name is not a usable C# identifier or collides with another name in scope.</summary>
    public const string InvalidName = "RULE006";

    /// <summary>Two rules (or workflows) share a name.</summary>
    public const string DuplicateName = "RULE007";

    /// <summary>effectiveFrom / effectiveTo is not an ISO date (yyyy-MM-dd) or the period is empty.</summary>
    public const string InvalidDate = "RULE008";

    /// <summary>
    /// A warning: the file uses a part of RulesEngine's format that is read but has no effect here (ErrorType, Actions)
    /// or is spelled differently from the schema (field names in another case).
    /// </summary>
    public const string IgnoredByEngine = "RULE009";

    /// <summary>The file uses a RulesEngine feature this engine refuses by name (WorkflowsToInject).</summary>
    public const string NotSupported = "RULE010";

    /// <summary>An expression is written in Dynamic LINQ (AND, OR, not, =, iif, np, String(x)) instead of C#.</summary>
    public const string DynamicLinqSpelling = "RULE011";

    /// <summary>A warning: the expression compiles here but is outside the subset Microsoft RulesEngine also runs.</summary>
    public const string OutsideCommonSubset = "RULE012";

    /// <summary>A rules folder or rule set has no workflows at all.</summary>
    public const string NoWorkflows = "RULE013";

    /// <summary>An expression is longer or more deeply nested than <see cref="ExpressionLimits"/> allows.</summary>
    public const string TooComplex = "RULE014";

    /// <summary>An expression's result would differ between runs (GetHashCode, clocks, random numbers).</summary>
    public const string NotDeterministic = "RULE015";

    /// <summary>A rule used more time or memory than its evaluation budget for one set of inputs.</summary>
    public const string OverBudget = "RULE016";

    /// <summary>The engine generated code it could not compile; a bug in the engine, not in the rule.</summary>
    public const string InternalError = "RULE099";
}

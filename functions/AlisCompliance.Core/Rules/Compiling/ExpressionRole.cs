namespace AlisCompliance.Core.Rules;

internal enum ExpressionRole
{
    GlobalParam,
    LocalParam,
    Condition,
    Placeholder,
}

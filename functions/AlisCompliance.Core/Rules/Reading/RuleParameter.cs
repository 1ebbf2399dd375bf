namespace AlisCompliance.Core.Rules;

/// <summary>A named input every rule expression can use, e.g. <c>order</c> of type <c>Order</c>.</summary>
public sealed record RuleParameter(string Name, Type Type);

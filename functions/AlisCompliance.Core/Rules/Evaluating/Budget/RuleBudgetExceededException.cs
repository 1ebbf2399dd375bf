namespace AlisCompliance.Core.Rules;

/// <summary>A rule used more than its <see cref="EvaluationBudget"/> and was stopped.</summary>
public sealed class RuleBudgetExceededException : Exception
{
    public RuleBudgetExceededException()
    {
    }

    public RuleBudgetExceededException(string message)
        : base(message)
    {
    }

    public RuleBudgetExceededException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

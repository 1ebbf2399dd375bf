namespace AlisCompliance.Core.Rules;

/// <summary>Thrown by generated code when a GlobalParam throws; every rule of the workflow then fails with it.</summary>
internal sealed class GlobalParameterEvaluationException : Exception
{
    public GlobalParameterEvaluationException()
    {
    }

    public GlobalParameterEvaluationException(string message)
        : base(message)
    {
    }

    public GlobalParameterEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GlobalParameterEvaluationException(int parameterIndex, Exception innerException)
        : base(innerException?.Message, innerException)
    {
        ParameterIndex = parameterIndex;
    }

    public int ParameterIndex { get; }
}

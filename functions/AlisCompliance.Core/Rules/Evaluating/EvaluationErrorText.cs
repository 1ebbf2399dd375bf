namespace AlisCompliance.Core.Rules;

/// <summary>
/// What went wrong when a rule ran, in Norwegian: the exceptions a rule expression can raise in words a rule
/// editor can act on, and any other after a Norwegian lead-in; the .NET type name is kept for whoever debugs it.
/// </summary>
internal static class EvaluationErrorText
{
    public static string Describe(Exception exception) =>
        Explained(exception) is { } explanation
            ? $"{explanation} ({exception.GetType().Name})"
            : $"Regelen feilet med {exception.GetType().Name}: {exception.Message}";

    private static string? Explained(Exception exception) => exception switch
    {
        NullReferenceException =>
            "En verdi mangler (null). Sjekk at den finnes før den brukes, f.eks. x != null && x.Value <= asOf.",
        InvalidOperationException when exception.Message.Contains("no elements", StringComparison.Ordinal) =>
            "Listen er tom: First, Single, Min, Max og Average trenger minst ett element. Sjekk med Any() først, eller bruk FirstOrDefault.",
        InvalidOperationException when exception.Message.Contains("more than one", StringComparison.Ordinal) =>
            "Single fant mer enn ett element. Bruk First, eller snevre inn med Where.",
        InvalidOperationException when exception.Message.Contains("Nullable object", StringComparison.Ordinal) =>
            "En verdi som kan mangle (null), manglet. Sjekk x != null før x.Value.",
        DivideByZeroException => "Deling på null.",
        OverflowException => "Et tall ble for stort eller for lite.",
        ArgumentOutOfRangeException or IndexOutOfRangeException =>
            "En verdi er utenfor det gyldige området (en indeks utenfor listen, eller en dato utenfor kalenderen).",
        FormatException => "En tekst har feil format.",
        _ => null,
    };
}

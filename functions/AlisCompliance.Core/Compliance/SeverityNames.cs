namespace AlisCompliance.Core.Compliance;

/// <summary>The severity words of the rules JSON ("info", "warning", "violation") and their Norwegian labels.</summary>
public static class SeverityNames
{
    public static bool TryParse(string? text, out Severity severity)
    {
        switch (text)
        {
            case "info":
                severity = Severity.Info;
                return true;
            case "warning":
                severity = Severity.Warning;
                return true;
            case "violation":
                severity = Severity.Violation;
                return true;
            default:
                severity = default;
                return false;
        }
    }

    public static string Code(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        _ => "violation",
    };

    public static string Norwegian(Severity severity) => severity switch
    {
        Severity.Info => "Til orientering",
        Severity.Warning => "Advarsel",
        _ => "Brudd",
    };
}

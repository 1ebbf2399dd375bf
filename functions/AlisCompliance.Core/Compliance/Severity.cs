namespace AlisCompliance.Core.Compliance;

/// <summary>How bad a finding is; ordered so that a larger value is worse.</summary>
public enum Severity
{
    Info = 1,
    Warning = 2,
    Violation = 3,
}

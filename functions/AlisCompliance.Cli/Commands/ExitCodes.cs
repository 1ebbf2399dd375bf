namespace AlisCompliance.Cli.Commands;

/// <summary>Process exit codes: findings are results, not errors.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;

    /// <summary>Everything was evaluated, but more findings than <see cref="Output.ReportLimits"/> allows: the report is incomplete.</summary>
    public const int ReportTruncated = 3;
}

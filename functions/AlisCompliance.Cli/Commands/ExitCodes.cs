namespace AlisCompliance.Cli.Commands;

/// <summary>Process exit codes: findings are results, not errors.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}

using System.Runtime.InteropServices;

namespace AlisCompliance.Core.Rules;

/// <summary>A 1-based line and column (in UTF-16 code units, as editors count) in a workflow file.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct SourcePosition(int Line, int Column)
{
    public bool IsKnown => Line > 0;

    public override string ToString() => IsKnown ? $"({Line},{Column})" : string.Empty;
}

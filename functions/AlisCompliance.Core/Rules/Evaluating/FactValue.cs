using System.Runtime.InteropServices;

namespace AlisCompliance.Core.Rules;

/// <summary>A fact a rule read while it ran, as written in the rule ("alis.Years.Count()"), and its value.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct FactValue(string Expression, object? Value);

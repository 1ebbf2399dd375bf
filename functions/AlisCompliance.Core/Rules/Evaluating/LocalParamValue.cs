using System.Runtime.InteropServices;

namespace AlisCompliance.Core.Rules;

/// <summary>The value a LocalParam had when the rule ran: the evidence behind its result.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct LocalParamValue(string Name, object? Value);

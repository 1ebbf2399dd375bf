using System.Runtime.InteropServices;
using NodaTime;

namespace AlisCompliance.Core.Rules;

/// <summary>The dates a rule applies to; both ends inclusive, a missing end is open.</summary>
[StructLayout(LayoutKind.Auto)]
public readonly record struct EffectivePeriod(LocalDate? From, LocalDate? To)
{
    public static EffectivePeriod Always => default;

    public bool Contains(LocalDate date) =>
        (From is not { } from || date >= from) && (To is not { } to || date <= to);
}

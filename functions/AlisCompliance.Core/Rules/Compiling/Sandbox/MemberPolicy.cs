namespace AlisCompliance.Core.Rules;

/// <summary>Which members of an allowed type rule expressions may use.</summary>
internal enum MemberPolicy
{
    AllMembers,

    /// <summary>Equals, GetHashCode and ToString (object, ValueType, Enum) — GetType stays out of reach.</summary>
    ObjectMembers,
    StringSubset,

    /// <summary>Everything except parsing and format strings, whose results depend on culture or can be made huge.</summary>
    Primitive,

    /// <summary>LINQ without the operators that generate or accumulate without bound.</summary>
    Enumerable,

    /// <summary>The read-only search methods C# 14 binds array.Contains(x) and friends to.</summary>
    SpanSearch,
    ArrayLength,
}

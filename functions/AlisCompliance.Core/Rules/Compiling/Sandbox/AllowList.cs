using Microsoft.CodeAnalysis;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Decides which types and members rule expressions may use. Everything not listed here is
/// refused: the caller's parameter and allowed types, primitives, a safe part of string, Math, most of
/// LINQ, read-only collection interfaces, tuples and NodaTime's date types.
/// </summary>
internal sealed class AllowList
{
    private static readonly SymbolDisplayFormat NameFormat = new(
        globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeContainingType,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.None);

    private static readonly (string MetadataName, MemberPolicy Policy)[] BuiltInTypes =
    [
        ("System.Math", MemberPolicy.AllMembers),
        ("System.StringComparison", MemberPolicy.AllMembers),
        ("System.MidpointRounding", MemberPolicy.AllMembers),
        ("System.ReadOnlySpan`1", MemberPolicy.AllMembers),
        ("System.MemoryExtensions", MemberPolicy.SpanSearch),
        ("System.Linq.Enumerable", MemberPolicy.Enumerable),
        ("System.Linq.IOrderedEnumerable`1", MemberPolicy.AllMembers),
        ("System.Linq.IGrouping`2", MemberPolicy.AllMembers),
        ("System.Linq.ILookup`2", MemberPolicy.AllMembers),
        ("System.Collections.IEnumerable", MemberPolicy.AllMembers),
        ("System.Collections.Generic.IEnumerable`1", MemberPolicy.AllMembers),
        ("System.Collections.Generic.IEqualityComparer`1", MemberPolicy.AllMembers),
        ("System.Collections.Generic.IComparer`1", MemberPolicy.AllMembers),
        ("System.Collections.Generic.IReadOnlyCollection`1", MemberPolicy.AllMembers),
        ("System.Collections.Generic.IReadOnlyList`1", MemberPolicy.AllMembers),
        ("System.Collections.Generic.IReadOnlyDictionary`2", MemberPolicy.AllMembers),
        ("System.Collections.Generic.KeyValuePair`2", MemberPolicy.AllMembers),
        ("System.ValueTuple", MemberPolicy.AllMembers),
        ("System.ValueTuple`1", MemberPolicy.AllMembers),
        ("System.ValueTuple`2", MemberPolicy.AllMembers),
        ("System.ValueTuple`3", MemberPolicy.AllMembers),
        ("System.ValueTuple`4", MemberPolicy.AllMembers),
        ("System.ValueTuple`5", MemberPolicy.AllMembers),
        ("System.ValueTuple`6", MemberPolicy.AllMembers),
        ("System.ValueTuple`7", MemberPolicy.AllMembers),
        ("System.ValueTuple`8", MemberPolicy.AllMembers),
        ("NodaTime.LocalDate", MemberPolicy.AllMembers),
        ("NodaTime.YearMonth", MemberPolicy.AllMembers),
        ("NodaTime.Period", MemberPolicy.AllMembers),
        ("NodaTime.PeriodUnits", MemberPolicy.AllMembers),
        ("NodaTime.DateInterval", MemberPolicy.AllMembers),
        ("NodaTime.IsoDayOfWeek", MemberPolicy.AllMembers),
        ("NodaTime.Duration", MemberPolicy.AllMembers),
        ("AlisCompliance.Core.Rules.Dates", MemberPolicy.AllMembers),
    ];

    private static readonly HashSet<string> StringMembers = new(StringComparer.Ordinal)
    {
        "Length", "Chars", "Contains", "StartsWith", "EndsWith", "Equals", "IsNullOrEmpty", "IsNullOrWhiteSpace",
        "ToUpperInvariant", "ToLowerInvariant", "Trim", "Substring", "IndexOf", "CompareOrdinal", "Join", "Concat",
        "Empty", "op_Equality", "op_Inequality", "GetHashCode", "ToString",
    };

    private static readonly HashSet<string> ObjectMembers = new(StringComparer.Ordinal)
    {
        "Equals", "GetHashCode", "ToString", "HasFlag", "CompareTo",
    };

    private static readonly HashSet<string> SpanSearchMembers = new(StringComparer.Ordinal)
    {
        "Contains", "IndexOf", "LastIndexOf", "SequenceEqual", "StartsWith", "EndsWith",
    };

    private static readonly Dictionary<string, string> RefusedEnumerableMembers = new(StringComparer.Ordinal)
    {
        ["Range"] = "den lager lister av vilkårlig lengde",
        ["Repeat"] = "den lager lister av vilkårlig lengde",
        ["Sequence"] = "den lager lister av vilkårlig lengde",
        ["InfiniteSequence"] = "den lager lister uten ende",
        ["Aggregate"] = "gjentatt oppsamling kan la en verdi vokse eksponentielt",
        ["AggregateBy"] = "gjentatt oppsamling kan la en verdi vokse eksponentielt",
        ["Shuffle"] = "resultatet er tilfeldig",
    };

    public const string DynamicRefusal = "'dynamic' kan ikke brukes i regler: hvert medlem må være kjent når reglene kompileres.";

    private readonly Dictionary<ITypeSymbol, MemberPolicy> typePolicies = new(SymbolEqualityComparer.Default);

    private AllowList()
    {
    }

    /// <param name="trustedTypes">Types whose public members are all allowed: the parameter types and the caller's allowed types.</param>
    public static AllowList Create(Compilation compilation, IEnumerable<ITypeSymbol> trustedTypes)
    {
        var allowList = new AllowList();
        foreach (var (metadataName, policy) in BuiltInTypes)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                allowList.typePolicies[type] = policy;
            }
        }

        foreach (var type in trustedTypes)
        {
            allowList.Trust(type);
        }

        return allowList;
    }

    /// <summary>True for types no caller may open up with all members, because they lead to reflection or to code.</summary>
    public static bool CanNeverBeTrusted(ITypeSymbol type) =>
        type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum
            or SpecialType.System_Array or SpecialType.System_Delegate or SpecialType.System_MulticastDelegate
        || type.TypeKind is TypeKind.Delegate or TypeKind.Dynamic or TypeKind.Pointer or TypeKind.FunctionPointer
        || Display(type) is "System.Type" or "System.AppDomain" or "System.Activator" or "System.Environment" or "System.GC"
        || type.ContainingNamespace?.ToDisplayString() is { } ns
            && (ns.StartsWith("System.Reflection", StringComparison.Ordinal)
                || ns.StartsWith("System.Runtime", StringComparison.Ordinal)
                || ns.StartsWith("System.IO", StringComparison.Ordinal)
                || ns.StartsWith("System.Threading", StringComparison.Ordinal)
                || ns.StartsWith("System.Diagnostics", StringComparison.Ordinal)
                || ns.StartsWith("System.Net", StringComparison.Ordinal));

    public static string Display(ISymbol symbol) => symbol switch
    {
        IMethodSymbol { MethodKind: MethodKind.Constructor } constructor => $"new {constructor.ContainingType.ToDisplayString(NameFormat)}(…)",
        ITypeSymbol { TypeKind: TypeKind.Dynamic } => "dynamic",
        _ => symbol.ToDisplayString(NameFormat),
    };

    /// <summary>Why <paramref name="symbol"/> may not be used, or null when it may.</summary>
    public string? SymbolRefusal(ISymbol symbol) => symbol switch
    {
        IAliasSymbol alias => SymbolRefusal(alias.Target),
        ITypeSymbol type => TypeRefusal(type),
        IMethodSymbol method => MethodRefusal(method),
        IPropertySymbol property => MemberRefusal(property) ?? TypeRefusal(property.Type) ?? ParametersRefusal(property.Parameters),
        IFieldSymbol field => MemberRefusal(field) ?? TypeRefusal(field.Type),
        ILocalSymbol local => TypeRefusal(local.Type),
        IParameterSymbol parameter => TypeRefusal(parameter.Type),
        IDiscardSymbol => null,
        _ => $"'{Display(symbol)}' kan ikke brukes i regler.",
    };

    /// <summary>Why values of <paramref name="type"/> may not appear in rule expressions, or null when they may.</summary>
    public string? TypeRefusal(ITypeSymbol? type)
    {
        switch (type)
        {
            case null or { TypeKind: TypeKind.Error } or ITypeParameterSymbol or { SpecialType: SpecialType.System_Void }:
                return null;
            case { TypeKind: TypeKind.Dynamic }:
                return DynamicRefusal;
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return "Pekere kan ikke brukes i regler.";
            case IArrayTypeSymbol array:
                return array.Rank == 1
                    ? TypeRefusal(array.ElementType)
                    : $"Flerdimensjonale tabeller ('{Display(array)}') kan ikke brukes i regler. Bruk en vanlig liste, f.eks. new[] {{ a, b }}.";
            case INamedTypeSymbol { IsTupleType: true } tuple:
                return tuple.TupleElements.Select(element => TypeRefusal(element.Type)).FirstOrDefault(refusal => refusal is not null);
            case INamedTypeSymbol named:
                if (PolicyFor(named) is null || named.SpecialType == SpecialType.System_Array)
                {
                    return named.TypeKind == TypeKind.Delegate
                        ? $"'{Display(named)}' kan ikke brukes i regler: delegattyper (Func, Action, …) kan verken nevnes eller lagres. Gi lambdaen (x => …) rett til en LINQ-metode i stedet."
                        : $"Typen '{Display(named)}' kan ikke brukes i regler.{MutableCollectionHint(named)}";
                }

                return named.TypeArguments.Select(TypeRefusal).FirstOrDefault(refusal => refusal is not null);
            default:
                return $"Typen '{Display(type)}' kan ikke brukes i regler.";
        }
    }

    // A mutable list in the inputs is the usual reason a RulesEngine rule does not compile here.
    private static string MutableCollectionHint(INamedTypeSymbol type) =>
        Display(type.OriginalDefinition) is "System.Collections.Generic.List<T>" or "System.Collections.Generic.ICollection<T>" or "System.Collections.Generic.IList<T>"
            ? $" Regler leser bare: gi faktaene/inputen typen IReadOnlyList<{string.Join(", ", type.TypeArguments.Select(argument => argument.Name))}> i stedet for {type.Name}<…>."
            : string.Empty;

    private void Trust(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol array:
                Trust(array.ElementType);
                return;
            case INamedTypeSymbol named when !CanNeverBeTrusted(named):
                if (named.SpecialType == SpecialType.System_Nullable_T || named.IsTupleType)
                {
                    // Already allowed for allowed type arguments; only the arguments need trusting.
                }
                else if (named.IsGenericType && !SymbolEqualityComparer.Default.Equals(named, named.OriginalDefinition))
                {
                    typePolicies[named] = MemberPolicy.AllMembers;
                }
                else
                {
                    typePolicies[named.OriginalDefinition] = MemberPolicy.AllMembers;
                }

                foreach (var argument in named.TypeArguments)
                {
                    Trust(argument);
                }

                // Members inherited from the caller's own base types are part of the type's public surface.
                for (var baseType = named.BaseType; baseType is not null && !CanNeverBeTrusted(baseType); baseType = baseType.BaseType)
                {
                    typePolicies.TryAdd(baseType.OriginalDefinition, MemberPolicy.AllMembers);
                }

                return;
        }
    }

    private MemberPolicy? PolicyFor(INamedTypeSymbol type)
    {
        if (typePolicies.TryGetValue(type, out var exact) || typePolicies.TryGetValue(type.OriginalDefinition, out exact))
        {
            return exact;
        }

        return type.OriginalDefinition.SpecialType switch
        {
            SpecialType.System_String => MemberPolicy.StringSubset,
            SpecialType.System_Object or SpecialType.System_ValueType or SpecialType.System_Enum => MemberPolicy.ObjectMembers,
            SpecialType.System_Boolean or SpecialType.System_Char or SpecialType.System_SByte or SpecialType.System_Byte
                or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32 or SpecialType.System_UInt32
                or SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Decimal or SpecialType.System_Single
                or SpecialType.System_Double => MemberPolicy.Primitive,
            SpecialType.System_Nullable_T => MemberPolicy.AllMembers,
            SpecialType.System_Array => MemberPolicy.ArrayLength,
            _ => null,
        };
    }

    private string? MethodRefusal(IMethodSymbol method)
    {
        switch (method.MethodKind)
        {
            case MethodKind.BuiltinOperator:
                return null;
            case MethodKind.AnonymousFunction:
                return LambdaRefusal(method);
            case MethodKind.DelegateInvoke:
                return $"Å kalle en delegat ('{Display(method.ContainingType)}') kan ikke gjøres i regler. Gi lambdaen rett til en LINQ-metode i stedet.";
            case MethodKind.LocalFunction:
                return "Lokale funksjoner kan ikke brukes i regler.";
        }

        // An extension method is judged as the static method it is (Enumerable.Where, not IEnumerable<T>.Where).
        return MemberRefusal(method.ReducedFrom ?? method) ?? SignatureRefusal(method);
    }

    public string? LambdaRefusal(IMethodSymbol lambda) =>
        ParametersRefusal(lambda.Parameters) ?? (lambda.ReturnsVoid ? null : TypeRefusal(lambda.ReturnType));

    private string? SignatureRefusal(IMethodSymbol method) =>
        method.TypeArguments.Select(TypeRefusal).FirstOrDefault(refusal => refusal is not null)
        ?? (method.ReturnsVoid ? null : TypeRefusal(method.ReturnType))
        ?? ParametersRefusal(method.Parameters);

    private string? ParametersRefusal(IEnumerable<IParameterSymbol> parameters)
    {
        foreach (var parameter in parameters)
        {
            // A delegate parameter can only receive a lambda or method group (naming delegate types is refused),
            // so it is the delegate's signature that has to stay within the allowed types.
            var refusal = parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }
                ? invoke.Parameters.Select(argument => TypeRefusal(argument.Type)).FirstOrDefault(found => found is not null)
                  ?? (invoke.ReturnsVoid ? null : TypeRefusal(invoke.ReturnType))
                : TypeRefusal(parameter.Type);
            if (refusal is not null)
            {
                return refusal;
            }
        }

        return null;
    }

    private string? MemberRefusal(ISymbol member)
    {
        var containingType = member.ContainingType;
        if (containingType is null)
        {
            return null;
        }

        var policy = PolicyFor(containingType);
        if (policy is null)
        {
            return $"'{Display(member)}' kan ikke brukes i regler: typen '{Display(containingType)}' er ikke tillatt.{MutableCollectionHint(containingType)}";
        }

        if (containingType.TypeArguments.Select(TypeRefusal).FirstOrDefault(refusal => refusal is not null) is { } argumentRefusal)
        {
            return argumentRefusal;
        }

        if (member.DeclaredAccessibility != Accessibility.Public)
        {
            return $"'{Display(member)}' er ikke offentlig (public) og kan ikke brukes i regler.";
        }

        var name = member is IPropertySymbol { IsIndexer: true } ? "Chars" : member.Name;
        return policy switch
        {
            MemberPolicy.AllMembers => null,
            MemberPolicy.ObjectMembers when ObjectMembers.Contains(name) => null,
            MemberPolicy.ObjectMembers =>
                $"'{Display(member)}' kan ikke brukes i regler: på '{Display(containingType)}' finnes bare Equals, GetHashCode og ToString.",
            MemberPolicy.StringSubset when StringMembers.Contains(name) && IsAllowedConcat(member) => null,
            MemberPolicy.StringSubset =>
                $"'{Display(member)}' kan ikke brukes i regler: på tekster finnes bare Length, indeksering, Contains, StartsWith, EndsWith, Equals, "
                + "IsNullOrEmpty, IsNullOrWhiteSpace, ToUpperInvariant, ToLowerInvariant, Trim, Substring, IndexOf, CompareOrdinal, Join og Concat av 2–4 tekster.",
            MemberPolicy.Primitive when name.StartsWith("Parse", StringComparison.Ordinal) || name.StartsWith("TryParse", StringComparison.Ordinal) =>
                $"'{Display(member)}' kan ikke brukes i regler: tolking av tekst avhenger av språkinnstillinger. Regler bruker de typede faktaene.",
            MemberPolicy.Primitive when name is "ToString" or "TryFormat" && member is IMethodSymbol { Parameters.Length: > 0 } =>
                $"'{Display(member)}' med format kan ikke brukes i regler: bruk ToString() eller en plassholder $(…), som formateres på norsk.",
            MemberPolicy.Primitive => null,
            MemberPolicy.Enumerable when RefusedEnumerableMembers.TryGetValue(name, out var reason) =>
                $"'{Display(member)}' kan ikke brukes i regler: {reason}.",
            MemberPolicy.Enumerable => null,
            MemberPolicy.SpanSearch when SpanSearchMembers.Contains(name) => null,
            MemberPolicy.ArrayLength when name is "Length" => null,
            _ => $"'{Display(member)}' kan ikke brukes i regler.",
        };
    }

    private static bool IsAllowedConcat(ISymbol member) =>
        member is not IMethodSymbol { Name: "Concat" } concat
        || (concat.Parameters.Length is >= 2 and <= 4
            && concat.Parameters.All(parameter => parameter.Type.SpecialType == SpecialType.System_String));
}

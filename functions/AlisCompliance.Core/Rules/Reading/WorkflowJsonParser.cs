using System.Text;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace AlisCompliance.Core.Rules;

/// <summary>
/// Reads one workflow file token by token, so that every value keeps its line and column
/// (JsonDocument does not expose positions) and every problem is reported instead of thrown.
/// </summary>
internal sealed class WorkflowJsonParser
{
    internal const string EffectiveFromProperty = "effectiveFrom";
    internal const string EffectiveToProperty = "effectiveTo";

    /// <summary>The workflow fields of our schema (rules/workflow.schema.json).</summary>
    internal static readonly IReadOnlyList<string> WorkflowFields = ["$schema", "WorkflowName", "GlobalParams", "Rules"];

    internal static readonly IReadOnlyList<string> RuleFields =
    [
        "RuleName", "Enabled", "RuleExpressionType", "Expression", "LocalParams", "Rules", "Operator",
        "SuccessEvent", "ErrorMessage", "Properties", "Actions",
    ];

    // Fields RulesEngine's own files carry, read so that those files load; the schema leaves them out so editors don't add them.
    private static readonly IReadOnlyList<string> RulesEngineWorkflowFields = [.. WorkflowFields, "RuleExpressionType", "WorkflowsToInject"];

    private static readonly IReadOnlyList<string> RulesEngineRuleFields = [.. RuleFields, "ErrorType", "WorkflowsToInject"];

    internal static readonly IReadOnlyList<string> ScopedParameterFields = ["Name", "Expression"];

    private const string LambdaExpressionType = "LambdaExpression";

    // RulesEngine's enum RuleExpressionType has one member; serialised as a number it is 0.
    private const int LambdaExpressionTypeNumber = 0;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    private readonly byte[] utf8;
    private readonly string sourceFile;
    private readonly Utf8PositionMap positions;
    private readonly List<RuleDiagnostic> diagnostics = [];
    private HashSet<string> ruleNames = new(StringComparer.Ordinal);
    private string? workflowName;

    private WorkflowJsonParser(string json, string sourceFile)
    {
        // A byte order mark is not part of the document and would shift every column on line 1.
        utf8 = Encoding.UTF8.GetBytes(json.StartsWith('\uFEFF') ? json[1..] : json);
        this.sourceFile = sourceFile;
        positions = new Utf8PositionMap(utf8);
    }

    public static WorkflowReadResult Parse(string json, string sourceFile) =>
        new WorkflowJsonParser(json, sourceFile).Parse();

    private WorkflowReadResult Parse()
    {
        var workflows = new List<Workflow>();
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                Report(new SourcePosition(1, 1), null, null, RuleDiagnosticCodes.InvalidJson, "Filen er tom; den skal inneholde en arbeidsflyt ({ \"WorkflowName\": …, \"Rules\": [ … ] }).");
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                workflows.Add(ReadWorkflow(ref reader));
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                // RulesEngine's own files often hold a list of workflows.
                ReadWorkflowList(ref reader, workflows);
            }
            else
            {
                Report(TokenPosition(ref reader), null, null, RuleDiagnosticCodes.InvalidWorkflow, $"En regelfil skal inneholde én arbeidsflyt (et JSON-objekt) eller en liste med arbeidsflyter, ikke {Describe(reader.TokenType)}.");
            }

            // Reading on surfaces anything after the workflow as a JsonException with its position.
            while (reader.Read())
            {
            }
        }
        catch (JsonException exception)
        {
            ReportJsonException(exception);
        }

        return diagnostics.Any(diagnostic => diagnostic.IsError)
            ? new WorkflowReadResult([], diagnostics)
            : new WorkflowReadResult(workflows, diagnostics);
    }

    private void ReadWorkflowList(ref Utf8JsonReader reader, List<Workflow> workflows)
    {
        var listPosition = TokenPosition(ref reader);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                workflows.Add(ReadWorkflow(ref reader));
            }
            else
            {
                Report(TokenPosition(ref reader), null, null, RuleDiagnosticCodes.InvalidWorkflow, $"Listen skal bare inneholde arbeidsflyter (JSON-objekter), ikke {Describe(reader.TokenType)}.");
                reader.Skip();
            }
        }

        if (workflows.Count == 0)
        {
            Report(listPosition, null, null, RuleDiagnosticCodes.NoWorkflows, "Listen med arbeidsflyter er tom.");
        }
    }

    private Workflow ReadWorkflow(ref Utf8JsonReader reader)
    {
        var objectPosition = TokenPosition(ref reader);
        workflowName = PeekString(reader, "WorkflowName");
        ruleNames = new HashSet<string>(StringComparer.Ordinal);
        string? name = null;
        var namePosition = objectPosition;
        IReadOnlyList<ScopedParameter> globals = [];
        IReadOnlyList<RuleDefinition>? rules = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, seen, RulesEngineWorkflowFields, "en arbeidsflyt", null, string.Empty, out var field))
        {
            switch (field)
            {
                case "WorkflowName":
                    namePosition = StringContentPosition(ref reader);
                    name = ReadString(ref reader, null, field);
                    break;
                case "GlobalParams":
                    globals = ReadScopedParameters(ref reader, null, field);
                    break;
                case "Rules":
                    rules = ReadRules(ref reader, null);
                    break;
                case "$schema":
                    ReadString(ref reader, null, field);
                    break;
                case "RuleExpressionType":
                    ReadExpressionType(ref reader, null);
                    break;
                case "WorkflowsToInject":
                    ReadWorkflowsToInject(ref reader, null);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!seen.Contains("WorkflowName"))
        {
            Report(objectPosition, null, "WorkflowName", RuleDiagnosticCodes.InvalidWorkflow, "WorkflowName mangler: gi arbeidsflyten et navn.");
        }
        else if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            Report(namePosition, null, "WorkflowName", RuleDiagnosticCodes.InvalidWorkflow, "WorkflowName kan ikke være tomt.");
        }

        if (rules is null && !seen.Contains("Rules"))
        {
            Report(objectPosition, null, "Rules", RuleDiagnosticCodes.InvalidWorkflow, "Rules mangler: en arbeidsflyt trenger en liste med regler.");
        }

        return new Workflow(name ?? string.Empty, sourceFile, namePosition, globals, rules ?? []);
    }

    private List<RuleDefinition>? ReadRules(ref Utf8JsonReader reader, string? parentPath)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ReportType(ref reader, parentPath, "Rules", "en liste med regler");
            reader.Skip();
            return [];
        }

        var rules = new List<RuleDefinition>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                rules.Add(ReadRule(ref reader, parentPath, index));
            }
            else
            {
                ReportType(ref reader, parentPath, $"Rules[{index}]", "en regel (et JSON-objekt)");
                reader.Skip();
            }

            index++;
        }

        return rules;
    }

    private RuleDefinition ReadRule(ref Utf8JsonReader reader, string? parentPath, int index)
    {
        var objectPosition = TokenPosition(ref reader);

        // The path is needed for diagnostics before RuleName may have been read (JSON fields have no order).
        var peekedName = PeekString(reader, "RuleName");
        var ownPath = string.IsNullOrWhiteSpace(peekedName) ? $"Rules[{index}]" : peekedName;
        var path = parentPath is null ? ownPath : parentPath + "/" + ownPath;

        string? name = null;
        var namePosition = objectPosition;
        var enabled = true;
        SourceExpression? expression = null;
        RuleOperator? ruleOperator = null;
        IReadOnlyList<ScopedParameter> localParams = [];
        List<RuleDefinition>? children = null;
        SourceExpression? errorMessage = null;
        string? successEvent = null;
        var properties = RuleProperties.Empty;
        JsonElement? actions = null;
        var period = EffectivePeriod.Always;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, seen, RulesEngineRuleFields, "en regel", path, string.Empty, out var field))
        {
            switch (field)
            {
                case "RuleName":
                    namePosition = StringContentPosition(ref reader);
                    name = ReadString(ref reader, path, field);
                    break;
                case "Enabled":
                    enabled = ReadBoolean(ref reader, path, field) ?? true;
                    break;
                case "RuleExpressionType":
                    ReadExpressionType(ref reader, path);
                    break;
                case "WorkflowsToInject":
                    ReadWorkflowsToInject(ref reader, path);
                    break;
                case "ErrorType":
                    ReportIgnored(ref reader, path, field, "ErrorType brukes ikke (heller ikke av RulesEngine siden versjon 4): alvorlighetsgraden står i Properties.severity. Feltet kan fjernes.");
                    break;
                case "Expression":
                    expression = ReadExpression(ref reader, path, field);
                    break;
                case "LocalParams":
                    localParams = ReadScopedParameters(ref reader, path, field);
                    break;
                case "Rules":
                    children = ReadRules(ref reader, path);
                    break;
                case "Operator":
                    ruleOperator = ReadOperator(ref reader, path);
                    break;
                case "SuccessEvent":
                    successEvent = ReadString(ref reader, path, field);
                    break;
                case "ErrorMessage":
                    errorMessage = ReadExpression(ref reader, path, field);
                    break;
                case "Properties":
                    (properties, period) = ReadProperties(ref reader, path);
                    break;
                case "Actions":
                    actions = ReadActions(ref reader, path);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        ValidateName(name, seen.Contains("RuleName"), namePosition, objectPosition, path);
        ValidateShape(expression, children, ruleOperator, seen.Contains("Operator"), objectPosition, path);
        return new RuleDefinition(
            name ?? string.Empty,
            namePosition,
            enabled,
            expression,
            ruleOperator,
            localParams,
            children ?? [],
            errorMessage,
            successEvent,
            properties,
            actions,
            period);
    }

    private void ValidateName(string? name, bool present, SourcePosition namePosition, SourcePosition objectPosition, string path)
    {
        const string Field = "RuleName";
        if (!present)
        {
            Report(objectPosition, path, Field, RuleDiagnosticCodes.InvalidWorkflow, "RuleName mangler: gi regelen et navn (regel-id).");
        }
        else if (name is null)
        {
            // Already reported as a value of the wrong type.
        }
        else if (string.IsNullOrWhiteSpace(name))
        {
            Report(namePosition, path, Field, RuleDiagnosticCodes.InvalidWorkflow, "RuleName kan ikke være tomt.");
        }
        else if (name.Contains('/', StringComparison.Ordinal))
        {
            Report(namePosition, path, Field, RuleDiagnosticCodes.InvalidWorkflow, $"RuleName '{name}' kan ikke inneholde '/', som skiller navnene på nøstede regler.");
        }
        else if (!ruleNames.Add(name))
        {
            Report(namePosition, path, Field, RuleDiagnosticCodes.DuplicateName, $"RuleName '{name}' er brukt mer enn én gang i arbeidsflyten '{workflowName}'.");
        }
    }

    private void ValidateShape(
        SourceExpression? expression,
        List<RuleDefinition>? children,
        RuleOperator? ruleOperator,
        bool operatorPresent,
        SourcePosition objectPosition,
        string path)
    {
        if (expression is not null && children is not null)
        {
            Report(objectPosition, path, "Expression", RuleDiagnosticCodes.InvalidWorkflow, "En regel har enten Expression eller nøstede Rules, ikke begge.");
        }
        else if (expression is null && children is null)
        {
            Report(objectPosition, path, "Expression", RuleDiagnosticCodes.InvalidWorkflow, "En regel trenger en Expression (betingelsen) eller nøstede Rules.");
        }

        if (expression is not null && string.IsNullOrWhiteSpace(expression.Text))
        {
            Report(expression.Position, path, "Expression", RuleDiagnosticCodes.InvalidWorkflow, "Expression kan ikke være tom.");
        }

        if (children is { Count: 0 })
        {
            Report(objectPosition, path, "Rules", RuleDiagnosticCodes.InvalidWorkflow, "Nøstede Rules må inneholde minst én regel.");
        }

        if (children is not null && ruleOperator is null && !operatorPresent)
        {
            Report(objectPosition, path, "Operator", RuleDiagnosticCodes.InvalidWorkflow, "Operator (And, AndAlso, Or eller OrElse) trengs når regelen har nøstede Rules.");
        }
        else if (children is null && ruleOperator is not null)
        {
            Report(objectPosition, path, "Operator", RuleDiagnosticCodes.InvalidWorkflow, "Operator hører bare hjemme i en regel med nøstede Rules.");
        }
    }

    private List<ScopedParameter> ReadScopedParameters(ref Utf8JsonReader reader, string? rulePath, string listField)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ReportType(ref reader, rulePath, listField, "en liste med { \"Name\", \"Expression\" }-objekter");
            reader.Skip();
            return [];
        }

        var parameters = new List<ScopedParameter>();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                if (ReadScopedParameter(ref reader, rulePath, listField, index) is { } parameter)
                {
                    parameters.Add(parameter);
                }
            }
            else
            {
                ReportType(ref reader, rulePath, $"{listField}[{index}]", "et { \"Name\", \"Expression\" }-objekt");
                reader.Skip();
            }

            index++;
        }

        return parameters;
    }

    private ScopedParameter? ReadScopedParameter(ref Utf8JsonReader reader, string? rulePath, string listField, int index)
    {
        var objectPosition = TokenPosition(ref reader);
        var peekedName = PeekString(reader, "Name");
        var label = $"{listField}[{(string.IsNullOrWhiteSpace(peekedName) ? index : peekedName)}]";
        string? name = null;
        var namePosition = objectPosition;
        SourceExpression? expression = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, seen, ScopedParameterFields, $"en {listField}-oppføring", rulePath, label + ".", out var field))
        {
            switch (field)
            {
                case "Name":
                    namePosition = StringContentPosition(ref reader);
                    name = ReadString(ref reader, rulePath, label + ".Name");
                    break;
                case "Expression":
                    expression = ReadExpression(ref reader, rulePath, label);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!seen.Contains("Name"))
        {
            Report(objectPosition, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, $"Hver {listField}-oppføring trenger et Name.");
        }
        else if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            Report(namePosition, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, "Name kan ikke være tomt.");
        }

        if (!seen.Contains("Expression"))
        {
            Report(objectPosition, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, $"Hver {listField}-oppføring trenger en Expression.");
        }
        else if (expression is not null && string.IsNullOrWhiteSpace(expression.Text))
        {
            Report(expression.Position, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, "Expression kan ikke være tom.");
        }

        return string.IsNullOrWhiteSpace(name) || expression is null ? null : new ScopedParameter(name, namePosition, expression);
    }

    private (RuleProperties Properties, EffectivePeriod Period) ReadProperties(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return (RuleProperties.Empty, EffectivePeriod.Always);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReportType(ref reader, path, "Properties", "et objekt");
            reader.Skip();
            return (RuleProperties.Empty, EffectivePeriod.Always);
        }

        var values = new List<KeyValuePair<string, JsonElement>>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        LocalDate? from = null;
        LocalDate? to = null;
        var toPosition = TokenPosition(ref reader);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var keyPosition = TokenPosition(ref reader);
            var key = reader.GetString()!;
            var field = "Properties." + key;
            reader.Read();
            var valuePosition = StringContentPosition(ref reader);
            var value = JsonElement.ParseValue(ref reader);
            if (!keys.Add(key))
            {
                Report(keyPosition, path, field, RuleDiagnosticCodes.InvalidWorkflow, $"'{key}' står mer enn én gang i Properties.");
                continue;
            }

            values.Add(new KeyValuePair<string, JsonElement>(key, value));
            switch (key)
            {
                case EffectiveFromProperty:
                    from = ReadDate(value, valuePosition, path, field);
                    break;
                case EffectiveToProperty:
                    to = ReadDate(value, valuePosition, path, field);
                    toPosition = valuePosition;
                    break;
                default:
                    if (EditDistance.ClosestMatch(key, [EffectiveFromProperty, EffectiveToProperty]) is { } intended)
                    {
                        Report(keyPosition, path, field, RuleDiagnosticCodes.InvalidWorkflow, $"'{key}' ville blitt oversett. Mente du '{intended}'? (store og små bokstaver teller)");
                    }

                    break;
            }
        }

        if (from is { } start && to is { } end && end < start)
        {
            Report(toPosition, path, "Properties." + EffectiveToProperty, RuleDiagnosticCodes.InvalidDate, $"effectiveTo ({LocalDatePattern.Iso.Format(end)}) er før effectiveFrom ({LocalDatePattern.Iso.Format(start)}).");
        }

        return (new RuleProperties(values), new EffectivePeriod(from, to));
    }

    private LocalDate? ReadDate(JsonElement value, SourcePosition position, string path, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                var text = value.GetString()!;
                var parsed = LocalDatePattern.Iso.Parse(text);
                if (parsed.Success)
                {
                    return parsed.Value;
                }

                Report(position, path, field, RuleDiagnosticCodes.InvalidDate, $"'{text}' er ikke en gyldig dato. {InputHints.DateHint(text)}");
                return null;
            default:
                Report(position, path, field, RuleDiagnosticCodes.InvalidDate, $"'{field}' skal være en dato i anførselstegn (\"2026-12-31\") eller null, ikke {Describe(value.ValueKind)}.");
                return null;
        }
    }

    private JsonElement? ReadActions(ref Utf8JsonReader reader, string path)
    {
        const string Field = "Actions";
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReportType(ref reader, path, Field, "et objekt");
            reader.Skip();
            return null;
        }

        var position = TokenPosition(ref reader);
        var actions = JsonElement.ParseValue(ref reader);
        if (actions.EnumerateObject().Any(action => action.Value.ValueKind != JsonValueKind.Null))
        {
            Report(position, path, Field, RuleDiagnosticCodes.IgnoredByEngine, "Actions (OnSuccess/OnFailure) blir ikke kjørt her: funnene og varslene kommer av ErrorMessage og Properties.severity.", RuleDiagnosticSeverity.Warning);
        }

        return actions;
    }

    private void ReadWorkflowsToInject(ref Utf8JsonReader reader, string? path)
    {
        const string Field = "WorkflowsToInject";
        var position = TokenPosition(ref reader);
        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            ReportType(ref reader, path, Field, "en liste med navn på arbeidsflyter");
            reader.Skip();
            return;
        }

        var names = JsonElement.ParseValue(ref reader).EnumerateArray().Select(name => name.ToString()).ToList();
        if (names.Count > 0)
        {
            Report(position, path, Field, RuleDiagnosticCodes.NotSupported, $"WorkflowsToInject ({string.Join(", ", names)}) støttes ikke: en arbeidsflyt kan ikke hente regler fra en annen. Flytt reglene inn i denne arbeidsflyten, eller la dem stå i sin egen.");
        }
    }

    private void ReportIgnored(ref Utf8JsonReader reader, string path, string field, string message)
    {
        var position = TokenPosition(ref reader);
        reader.Skip();
        Report(position, path, field, RuleDiagnosticCodes.IgnoredByEngine, message, RuleDiagnosticSeverity.Warning);
    }

    private string? ReadString(ref Utf8JsonReader reader, string? path, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString();
            default:
                ReportType(ref reader, path, field, "tekst i anførselstegn");
                reader.Skip();
                return null;
        }
    }

    private SourceExpression? ReadExpression(ref Utf8JsonReader reader, string? path, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return new SourceExpression(text, positions.PositionOf(reader.TokenStartIndex + 1))
                {
                    RawOffsets = reader.ValueIsEscaped ? EscapedStringMap.Build(reader.ValueSpan, text.Length) : null,
                };
            default:
                ReportType(ref reader, path, field, "tekst i anførselstegn");
                reader.Skip();
                return null;
        }
    }

    private bool? ReadBoolean(ref Utf8JsonReader reader, string path, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                ReportType(ref reader, path, field, "true eller false");
                reader.Skip();
                return null;
        }
    }

    private RuleOperator? ReadOperator(ref Utf8JsonReader reader, string path)
    {
        const string Field = "Operator";
        var position = StringContentPosition(ref reader);
        var text = ReadString(ref reader, path, Field);
        if (text is null)
        {
            return null;
        }

        if (Enum.GetNames<RuleOperator>().Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<RuleOperator>(text);
        }

        Report(position, path, Field, RuleDiagnosticCodes.InvalidWorkflow, $"Operator '{text}' finnes ikke; bruk en av {string.Join(", ", Enum.GetNames<RuleOperator>())}.");
        return null;
    }

    private void ReadExpressionType(ref Utf8JsonReader reader, string? path)
    {
        const string Field = "RuleExpressionType";
        var position = StringContentPosition(ref reader);
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt32(out var number) || number != LambdaExpressionTypeNumber)
            {
                Report(position, path, Field, RuleDiagnosticCodes.InvalidWorkflow, $"RuleExpressionType {Encoding.UTF8.GetString(reader.ValueSpan)} finnes ikke; den eneste typen er \"{LambdaExpressionType}\" (eller 0).");
            }

            return;
        }

        var text = ReadString(ref reader, path, Field);
        if (text is not null && !string.Equals(text, LambdaExpressionType, StringComparison.Ordinal))
        {
            Report(position, path, Field, RuleDiagnosticCodes.InvalidWorkflow, $"RuleExpressionType '{text}' finnes ikke; den eneste typen er '{LambdaExpressionType}'.");
        }
    }

    /// <summary>
    /// Moves to the next property of the current object and onto its value; false at the end of the object.
    /// <paramref name="field"/> is null for a property that was reported (unknown or repeated) and must be skipped.
    /// </summary>
    private bool NextProperty(
        ref Utf8JsonReader reader,
        HashSet<string> seen,
        IReadOnlyList<string> knownFields,
        string owner,
        string? rulePath,
        string fieldPrefix,
        out string? field)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            field = null;
            return false;
        }

        var position = TokenPosition(ref reader);
        var name = reader.GetString()!;
        reader.Read();
        field = null;
        if (!knownFields.Contains(name, StringComparer.Ordinal)
            && knownFields.FirstOrDefault(known => string.Equals(known, name, StringComparison.OrdinalIgnoreCase)) is { } canonical)
        {
            // RulesEngine users deserialise case-insensitively, so its own files write "localParams".
            Report(position, rulePath, fieldPrefix + name, RuleDiagnosticCodes.IgnoredByEngine, $"Skriv '{canonical}', ikke '{name}': skjemaet og VS Code kjenner bare den skrivemåten.", RuleDiagnosticSeverity.Warning);
            name = canonical;
        }

        if (!knownFields.Contains(name, StringComparer.Ordinal))
        {
            Report(position, rulePath, fieldPrefix + name, RuleDiagnosticCodes.InvalidWorkflow, UnknownFieldMessage(name, owner, knownFields));
        }
        else if (!seen.Add(name))
        {
            Report(position, rulePath, fieldPrefix + name, RuleDiagnosticCodes.InvalidWorkflow, $"'{name}' står mer enn én gang i {owner}.");
        }
        else
        {
            field = name;
        }

        return true;
    }

    private static string UnknownFieldMessage(string name, string owner, IReadOnlyList<string> knownFields)
    {
        var suggestion = EditDistance.ClosestMatch(name, knownFields);
        var hint = suggestion is null ? string.Empty : $" Mente du '{suggestion}'?";
        return $"Ukjent felt '{name}' i {owner}.{hint} Tillatte felt: {string.Join(", ", knownFields)}.";
    }

    /// <summary>Finds a string property of the object the (copied) reader stands on, without moving the caller's reader.</summary>
    private static string? PeekString(Utf8JsonReader reader, string propertyName)
    {
        try
        {
            var depth = reader.CurrentDepth;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
                {
                    return null;
                }

                if (reader.TokenType != JsonTokenType.PropertyName)
                {
                    continue;
                }

                var matches = reader.ValueTextEquals(propertyName);
                reader.Read();
                if (matches)
                {
                    return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // The main pass reports malformed JSON with its position.
        }

        return null;
    }

    private void ReportJsonException(JsonException exception)
    {
        var position = exception.LineNumber is { } line
            ? positions.PositionInLine(line, exception.BytePositionInLine ?? 0)
            : new SourcePosition(1, 1);
        var message = exception.Message;
        var detailsStart = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (detailsStart > 0)
        {
            message = message[..detailsStart].TrimEnd(' ', '|', '.') + ".";
        }

        Report(position, null, null, RuleDiagnosticCodes.InvalidJson, "Ugyldig JSON (sjekk komma, anførselstegn og klammer rundt dette stedet): " + message);
    }

    private void ReportType(ref Utf8JsonReader reader, string? path, string field, string expected) =>
        Report(TokenPosition(ref reader), path, field, RuleDiagnosticCodes.InvalidWorkflow, $"'{field}' skal være {expected}, ikke {Describe(reader.TokenType)}.");

    private void Report(SourcePosition position, string? rulePath, string? field, string code, string message, RuleDiagnosticSeverity severity = RuleDiagnosticSeverity.Error) =>
        diagnostics.Add(new RuleDiagnostic(sourceFile, workflowName, rulePath, field, position, code, message) { Severity = severity });

    private SourcePosition TokenPosition(ref Utf8JsonReader reader) => positions.PositionOf(reader.TokenStartIndex);

    private SourcePosition StringContentPosition(ref Utf8JsonReader reader) =>
        positions.PositionOf(reader.TokenType == JsonTokenType.String ? reader.TokenStartIndex + 1 : reader.TokenStartIndex);

    private static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.String => "tekst",
        JsonTokenType.Number => "et tall",
        JsonTokenType.True or JsonTokenType.False => "true/false",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "et objekt",
        JsonTokenType.StartArray => "en liste",
        _ => tokenType.ToString(),
    };

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "tekst",
        JsonValueKind.Number => "et tall",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Object => "et objekt",
        JsonValueKind.Array => "en liste",
        _ => kind.ToString(),
    };
}

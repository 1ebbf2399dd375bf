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

    internal static readonly IReadOnlyList<string> WorkflowFields = ["$schema", "WorkflowName", "GlobalParams", "Rules"];

    internal static readonly IReadOnlyList<string> RuleFields =
    [
        "RuleName", "Enabled", "RuleExpressionType", "Expression", "LocalParams", "Rules", "Operator",
        "SuccessEvent", "ErrorMessage", "Properties", "Actions",
    ];

    internal static readonly IReadOnlyList<string> ScopedParameterFields = ["Name", "Expression"];

    private const string LambdaExpressionType = "LambdaExpression";

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Disallow,
        MaxDepth = 64,
    };

    private readonly byte[] utf8;
    private readonly string sourceFile;
    private readonly Utf8PositionMap positions;
    private readonly List<RuleDiagnostic> diagnostics = [];
    private readonly HashSet<string> ruleNames = new(StringComparer.Ordinal);
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
        Workflow? workflow = null;
        var reader = new Utf8JsonReader(utf8, ReaderOptions);
        try
        {
            if (!reader.Read())
            {
                Report(new SourcePosition(1, 1), null, null, RuleDiagnosticCodes.InvalidJson, "The file is empty; expected a workflow object.");
            }
            else if (reader.TokenType != JsonTokenType.StartObject)
            {
                Report(TokenPosition(ref reader), null, null, RuleDiagnosticCodes.InvalidWorkflow, $"A workflow file must contain one JSON object, not {Describe(reader.TokenType)}.");
            }
            else
            {
                workflow = ReadWorkflow(ref reader);

                // Reading on surfaces anything after the workflow object as a JsonException with its position.
                while (reader.Read())
                {
                }
            }
        }
        catch (JsonException exception)
        {
            ReportJsonException(exception);
        }

        return diagnostics.Count == 0 && workflow is not null
            ? new WorkflowReadResult([workflow], [])
            : new WorkflowReadResult([], diagnostics);
    }

    private Workflow ReadWorkflow(ref Utf8JsonReader reader)
    {
        var objectPosition = TokenPosition(ref reader);
        workflowName = PeekString(reader, "WorkflowName");
        string? name = null;
        var namePosition = objectPosition;
        IReadOnlyList<ScopedParameter> globals = [];
        IReadOnlyList<RuleDefinition>? rules = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (NextProperty(ref reader, seen, WorkflowFields, "a workflow", null, string.Empty, out var field))
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
                default:
                    reader.Skip();
                    break;
            }
        }

        if (!seen.Contains("WorkflowName"))
        {
            Report(objectPosition, null, "WorkflowName", RuleDiagnosticCodes.InvalidWorkflow, "WorkflowName is required.");
        }
        else if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            Report(namePosition, null, "WorkflowName", RuleDiagnosticCodes.InvalidWorkflow, "WorkflowName must not be empty.");
        }

        if (rules is null && !seen.Contains("Rules"))
        {
            Report(objectPosition, null, "Rules", RuleDiagnosticCodes.InvalidWorkflow, "Rules is required (a list of rules).");
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
            ReportType(ref reader, parentPath, "Rules", "an array of rules");
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
                ReportType(ref reader, parentPath, $"Rules[{index}]", "a rule object");
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
        while (NextProperty(ref reader, seen, RuleFields, "a rule", path, string.Empty, out var field))
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
                    actions = ReadObject(ref reader, path, field);
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
            Report(objectPosition, path, Field, RuleDiagnosticCodes.InvalidWorkflow, "RuleName is required.");
        }
        else if (name is null)
        {
            // Already reported as a value of the wrong type.
        }
        else if (string.IsNullOrWhiteSpace(name))
        {
            Report(namePosition, path, Field, RuleDiagnosticCodes.InvalidWorkflow, "RuleName must not be empty.");
        }
        else if (name.Contains('/', StringComparison.Ordinal))
        {
            Report(namePosition, path, Field, RuleDiagnosticCodes.InvalidWorkflow, $"RuleName '{name}' must not contain '/', which separates nested rule names in paths.");
        }
        else if (!ruleNames.Add(name))
        {
            Report(namePosition, path, Field, RuleDiagnosticCodes.DuplicateName, $"RuleName '{name}' is used more than once in workflow '{workflowName}'.");
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
            Report(objectPosition, path, "Expression", RuleDiagnosticCodes.InvalidWorkflow, "A rule has either an Expression or nested Rules, not both.");
        }
        else if (expression is null && children is null)
        {
            Report(objectPosition, path, "Expression", RuleDiagnosticCodes.InvalidWorkflow, "A rule needs an Expression or nested Rules.");
        }

        if (expression is not null && string.IsNullOrWhiteSpace(expression.Text))
        {
            Report(expression.Position, path, "Expression", RuleDiagnosticCodes.InvalidWorkflow, "Expression must not be empty.");
        }

        if (children is { Count: 0 })
        {
            Report(objectPosition, path, "Rules", RuleDiagnosticCodes.InvalidWorkflow, "Nested Rules must contain at least one rule.");
        }

        if (children is not null && ruleOperator is null && !operatorPresent)
        {
            Report(objectPosition, path, "Operator", RuleDiagnosticCodes.InvalidWorkflow, "Operator (And, AndAlso, Or, OrElse) is required when a rule has nested Rules.");
        }
        else if (children is null && ruleOperator is not null)
        {
            Report(objectPosition, path, "Operator", RuleDiagnosticCodes.InvalidWorkflow, "Operator is only allowed on a rule with nested Rules.");
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
            ReportType(ref reader, rulePath, listField, "an array of { \"Name\", \"Expression\" } objects");
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
                ReportType(ref reader, rulePath, $"{listField}[{index}]", "a { \"Name\", \"Expression\" } object");
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
        while (NextProperty(ref reader, seen, ScopedParameterFields, $"a {listField} entry", rulePath, label + ".", out var field))
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
            Report(objectPosition, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, $"Every {listField} entry needs a Name.");
        }
        else if (name is not null && string.IsNullOrWhiteSpace(name))
        {
            Report(namePosition, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, "Name must not be empty.");
        }

        if (!seen.Contains("Expression"))
        {
            Report(objectPosition, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, $"Every {listField} entry needs an Expression.");
        }
        else if (expression is not null && string.IsNullOrWhiteSpace(expression.Text))
        {
            Report(expression.Position, rulePath, label, RuleDiagnosticCodes.InvalidWorkflow, "Expression must not be empty.");
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
            ReportType(ref reader, path, "Properties", "an object");
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
                Report(keyPosition, path, field, RuleDiagnosticCodes.InvalidWorkflow, $"'{key}' appears more than once in Properties.");
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
                    if (string.Equals(key, EffectiveFromProperty, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(key, EffectiveToProperty, StringComparison.OrdinalIgnoreCase))
                    {
                        var intended = string.Equals(key, EffectiveFromProperty, StringComparison.OrdinalIgnoreCase) ? EffectiveFromProperty : EffectiveToProperty;
                        Report(keyPosition, path, field, RuleDiagnosticCodes.InvalidWorkflow, $"'{key}' would be ignored: the engine reads '{intended}' (case-sensitive).");
                    }

                    break;
            }
        }

        if (from is { } start && to is { } end && end < start)
        {
            Report(toPosition, path, "Properties." + EffectiveToProperty, RuleDiagnosticCodes.InvalidDate, $"effectiveTo ({LocalDatePattern.Iso.Format(end)}) is before effectiveFrom ({LocalDatePattern.Iso.Format(start)}).");
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

                Report(position, path, field, RuleDiagnosticCodes.InvalidDate, $"'{text}' is not a valid date in the form yyyy-MM-dd.");
                return null;
            default:
                Report(position, path, field, RuleDiagnosticCodes.InvalidDate, $"'{field}' must be a date string (yyyy-MM-dd) or null, not a JSON {value.ValueKind.ToString().ToLowerInvariant()}.");
                return null;
        }
    }

    private JsonElement? ReadObject(ref Utf8JsonReader reader, string path, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            ReportType(ref reader, path, field, "an object");
            reader.Skip();
            return null;
        }

        return JsonElement.ParseValue(ref reader);
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
                ReportType(ref reader, path, field, "a string");
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
                ReportType(ref reader, path, field, "a string");
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
                ReportType(ref reader, path, field, "true or false");
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

        Report(position, path, Field, RuleDiagnosticCodes.InvalidWorkflow, $"Operator '{text}' is not supported; use one of {string.Join(", ", Enum.GetNames<RuleOperator>())}.");
        return null;
    }

    private void ReadExpressionType(ref Utf8JsonReader reader, string path)
    {
        const string Field = "RuleExpressionType";
        var position = StringContentPosition(ref reader);
        var text = ReadString(ref reader, path, Field);
        if (text is not null && !string.Equals(text, LambdaExpressionType, StringComparison.Ordinal))
        {
            Report(position, path, Field, RuleDiagnosticCodes.InvalidWorkflow, $"RuleExpressionType '{text}' is not supported; the only type is '{LambdaExpressionType}'.");
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
        if (!knownFields.Contains(name, StringComparer.Ordinal))
        {
            Report(position, rulePath, fieldPrefix + name, RuleDiagnosticCodes.InvalidWorkflow, UnknownFieldMessage(name, owner, knownFields));
        }
        else if (!seen.Add(name))
        {
            Report(position, rulePath, fieldPrefix + name, RuleDiagnosticCodes.InvalidWorkflow, $"'{name}' appears more than once in {owner}.");
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
        var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
        return $"Unknown field '{name}' in {owner}.{hint} Allowed fields: {string.Join(", ", knownFields)}.";
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

        Report(position, null, null, RuleDiagnosticCodes.InvalidJson, "Malformed JSON: " + message);
    }

    private void ReportType(ref Utf8JsonReader reader, string? path, string field, string expected) =>
        Report(TokenPosition(ref reader), path, field, RuleDiagnosticCodes.InvalidWorkflow, $"'{field}' must be {expected}, not {Describe(reader.TokenType)}.");

    private void Report(SourcePosition position, string? rulePath, string? field, string code, string message) =>
        diagnostics.Add(new RuleDiagnostic(sourceFile, workflowName, rulePath, field, position, code, message));

    private SourcePosition TokenPosition(ref Utf8JsonReader reader) => positions.PositionOf(reader.TokenStartIndex);

    private SourcePosition StringContentPosition(ref Utf8JsonReader reader) =>
        positions.PositionOf(reader.TokenType == JsonTokenType.String ? reader.TokenStartIndex + 1 : reader.TokenStartIndex);

    private static string Describe(JsonTokenType tokenType) => tokenType switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => tokenType.ToString(),
    };
}

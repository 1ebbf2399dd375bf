using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AlisCompliance.Core.Records.Reading;
using static AlisCompliance.Core.Tests.Records.RecordsTestFiles;

namespace AlisCompliance.Core.Tests.Records;

/// <summary>
/// functions/records.schema.json is what an editor checks a records file against; it must say what the reader does.
/// These tests walk <see cref="RecordsTestFiles.Full"/> (every field of the format) alongside the schema and change one
/// field at a time: a field the schema requires must be one the reader reports missing, a value the schema's enum or
/// range allows must be one the reader takes, and so on.
/// </summary>
public sealed class RecordsSchemaTests
{
    private const string RootDefinition = "(root)";

    private static readonly Lazy<JsonElement> LazySchema = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "functions", "records.schema.json"))).RootElement.Clone());

    private static readonly Lazy<IReadOnlyList<SchemaObject>> LazyObjects = new(() => Walk().ToList());

    private static JsonElement Schema => LazySchema.Value;

    private static IReadOnlyList<SchemaObject> Objects => LazyObjects.Value;

    [Fact]
    public void Declares_draft_2020_12()
    {
        Schema.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
    }

    [Fact]
    public void Every_record_type_forbids_unknown_fields_and_every_field_is_documented()
    {
        foreach (var (name, definition) in ObjectDefinitions())
        {
            definition.GetProperty("additionalProperties").GetBoolean().Should().BeFalse($"'{name}' should reject unknown fields as the reader does");
            definition.TryGetProperty("description", out _).Should().BeTrue($"'{name}' should be documented");
            foreach (var field in definition.GetProperty("properties").EnumerateObject())
            {
                var documented = field.Value.TryGetProperty("description", out _) || Resolve(field.Value).Schema.TryGetProperty("description", out _);
                documented.Should().BeTrue($"'{name}.{field.Name}' should have a description");
            }

            FieldNames(definition).Should().Contain(["$schema", "$comment"], $"the reader allows $schema and $comment in '{name}'");
        }
    }

    [Fact]
    public void The_full_test_file_has_every_field_of_every_record_type()
    {
        Objects.Select(item => item.Definition).Distinct().Should().BeEquivalentTo(ObjectDefinitions().Select(item => item.Name));
        foreach (var item in Objects)
        {
            var fields = item.Node.Select(property => property.Key).Where(IsOwnField);
            fields.Should().BeEquivalentTo(
                FieldNames(item.Schema).Where(IsOwnField),
                $"{item.Path} ({item.Definition}) should carry exactly the schema's fields");
        }

        Read(Full).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Arena_types_are_the_catalog_codes()
    {
        var codes = Definition("arena").GetProperty("properties").GetProperty("type").GetProperty("enum").EnumerateArray().Select(code => code.GetString());

        codes.Should().BeEquivalentTo(RealCatalog.ArenaTypes.Keys);
    }

    [Fact]
    public void Goal_code_pattern_matches_every_catalog_code_and_nothing_sloppy()
    {
        var pattern = new Regex(Definition("goalCode").GetProperty("pattern").GetString()!, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));

        RealCatalog.Goals.Should().OnlyContain(goal => pattern.IsMatch(goal.Code));
        new[] { "ALM 001", "ALM-1", "alm-001", "ALM-0010", "LM-001", " ALM-001" }.Should().NotContain(code => pattern.IsMatch(code));
    }

    [Theory]
    [InlineData("2026-11-23", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-12-31", true)]
    [InlineData("2026-13-01", false)]
    [InlineData("2026-00-10", false)]
    [InlineData("2026-01-32", false)]
    [InlineData("30.02.2026", false)]
    [InlineData("2026-1-5", false)]
    [InlineData("-2026-01-05", false)]
    [InlineData("2026-01-05T00:00", false)]
    public void Date_pattern_takes_YYYY_MM_DD_as_the_reader_does(string text, bool valid)
    {
        var pattern = new Regex(Definition("date").GetProperty("pattern").GetString()!, RegexOptions.ECMAScript, TimeSpan.FromSeconds(1));
        var json = Changed(root => At(root, "alis[0].planReviews[0]")["date"] = text);

        pattern.IsMatch(text).Should().Be(valid);
        Read(json).IsValid.Should().Be(valid);
        Definition("optionalDate").GetProperty("pattern").GetString().Should().Be(Definition("date").GetProperty("pattern").GetString());
    }

    public static TheoryData<string> ObjectPaths() => Data(Objects.Select(item => item.Path));

    public static TheoryData<string, string> Fields() =>
        Data(Objects.SelectMany(item => FieldNames(item.Schema).Where(IsOwnField).Select(field => (item.Path, field))));

    public static TheoryData<string, string> EnumFields() => Data(FieldsWhere(schema => schema.TryGetProperty("enum", out _)));

    public static TheoryData<string, string> RangeFields() => Data(FieldsWhere(schema => schema.TryGetProperty("minimum", out _)));

    public static TheoryData<string, string> TextFields() =>
        Data(FieldsWhere(schema => AllowsType(schema, "string") && !schema.TryGetProperty("enum", out _)));

    [Theory]
    [MemberData(nameof(ObjectPaths))]
    public void Unknown_field_is_rejected_and_comment_allowed(string objectPath)
    {
        var unknown = Read(Changed(root => At(root, objectPath)["unknownField"] = 1));
        var comment = Read(Changed(root =>
        {
            At(root, objectPath)["$comment"] = "kommentar";
            At(root, objectPath)["$schema"] = "ignored";
        }));

        unknown.Errors.Should().ContainSingle().Which.Path.Should().Be(FieldPath(objectPath, "unknownField"));
        comment.Errors.Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public void Field_is_required_in_the_schema_exactly_when_the_reader_reports_it_missing(string objectPath, string field)
    {
        var item = Objects.Single(candidate => candidate.Path == objectPath);
        var required = IsRequired(item, field);
        var path = FieldPath(objectPath, field);

        var removed = Read(Changed(root => At(root, objectPath).Remove(field)));
        var nulled = Read(Changed(root => At(root, objectPath)[field] = null));

        MissingAt(removed, path).Should().Be(required, $"the schema says {path} is {(required ? "required" : "optional")}; the reader reported: {Describe(removed)}");
        MissingAt(nulled, path).Should().Be(required, $"null counts as missing in the reader; it reported: {Describe(nulled)}");
        var field1 = item.Schema.GetProperty("properties").GetProperty(field);
        AllowsType(Resolve(field1).Schema, "null").Should().Be(
            !PlainRequired(item.Schema).Contains(field),
            $"the schema should allow null for {path} exactly when it is optional");
    }

    [Theory]
    [MemberData(nameof(EnumFields))]
    public void Enum_values_are_the_ones_the_reader_takes(string objectPath, string field)
    {
        var path = FieldPath(objectPath, field);
        var values = FieldSchema(objectPath, field).GetProperty("enum").EnumerateArray().Select(value => value.GetString()!).ToList();

        foreach (var value in values)
        {
            var result = Read(Changed(root => At(root, objectPath)[field] = value));
            result.Errors.Where(error => error.Path == path).Should().BeEmpty($"'{value}' is in the schema's enum for {path}");
        }

        var unknown = Read(Changed(root => At(root, objectPath)[field] = "not-a-value"));
        unknown.Errors.Should().Contain(error => error.Path == path);
    }

    [Theory]
    [MemberData(nameof(RangeFields))]
    public void Range_is_the_one_the_reader_takes(string objectPath, string field)
    {
        var path = FieldPath(objectPath, field);
        var schema = FieldSchema(objectPath, field);
        var minimum = schema.GetProperty("minimum").GetDecimal();
        var maximum = schema.GetProperty("maximum").GetDecimal();
        var step = AllowsType(schema, "integer") ? 1m : 0.5m;

        foreach (var (value, valid) in new[] { (minimum, true), (maximum, true), (minimum - step, false), (maximum + step, false) })
        {
            var result = Read(Changed(root => At(root, objectPath)[field] = JsonNode.Parse(value.ToString(CultureInfo.InvariantCulture))));
            result.Errors.Any(error => error.Path == path).Should().Be(!valid, $"{path} = {value}; the reader reported: {Describe(result)}");
        }
    }

    [Theory]
    [MemberData(nameof(TextFields))]
    public void Blank_text_is_rejected_exactly_where_the_schema_has_a_pattern(string objectPath, string field)
    {
        var path = FieldPath(objectPath, field);
        var blankAllowed = !FieldSchema(objectPath, field).TryGetProperty("pattern", out _);

        var result = Read(Changed(root => At(root, objectPath)[field] = blankAllowed ? string.Empty : "   "));

        result.Errors.Any(error => error.Path == path).Should().Be(!blankAllowed, $"{path} blank; the reader reported: {Describe(result)}");
    }

    private static IEnumerable<SchemaObject> Walk()
    {
        var root = JsonNode.Parse(Full)!.AsObject();
        var pending = new Stack<SchemaObject>();
        pending.Push(new SchemaObject(string.Empty, RootDefinition, Schema, root));
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            yield return item;
            foreach (var (name, value) in item.Node)
            {
                // A field the schema lacks is reported by The_full_test_file_has_every_field_of_every_record_type.
                if (!IsOwnField(name) || !item.Schema.GetProperty("properties").TryGetProperty(name, out var property))
                {
                    continue;
                }

                var (schema, definition) = Resolve(property);
                var path = FieldPath(item.Path, name);
                if (value is JsonObject child && definition is not null)
                {
                    pending.Push(new SchemaObject(path, definition, schema, child));
                }
                else if (value is JsonArray array && schema.TryGetProperty("items", out var items) && Resolve(items) is { Definition: { } itemDefinition } itemSchema
                         && AllowsType(itemSchema.Schema, "object"))
                {
                    for (var index = 0; index < array.Count; index++)
                    {
                        pending.Push(new SchemaObject($"{path}[{index}]", itemDefinition, itemSchema.Schema, array[index]!.AsObject()));
                    }
                }
            }
        }
    }

    private static (JsonElement Schema, string? Definition) Resolve(JsonElement schema)
    {
        string? definition = null;
        while (schema.TryGetProperty("$ref", out var reference))
        {
            definition = reference.GetString()!["#/$defs/".Length..];
            schema = Definition(definition);
        }

        return (schema, definition);
    }

    private static JsonElement Definition(string name) => Schema.GetProperty("$defs").GetProperty(name);

    private static IEnumerable<(string Name, JsonElement Schema)> ObjectDefinitions() =>
        Schema.GetProperty("$defs").EnumerateObject()
            .Where(definition => definition.Value.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "object")
            .Select(definition => (definition.Name, definition.Value))
            .Prepend((RootDefinition, Schema));

    private static JsonElement FieldSchema(string objectPath, string field) =>
        Resolve(Objects.Single(item => item.Path == objectPath).Schema.GetProperty("properties").GetProperty(field)).Schema;

    private static IEnumerable<(string Path, string Field)> FieldsWhere(Func<JsonElement, bool> predicate) =>
        Objects.SelectMany(item => FieldNames(item.Schema).Where(IsOwnField).Where(field => predicate(FieldSchema(item.Path, field))).Select(field => (item.Path, field)));

    private static IEnumerable<string> FieldNames(JsonElement definition) => definition.GetProperty("properties").EnumerateObject().Select(property => property.Name);

    private static bool IsOwnField(string name) => name is not "$schema" and not "$comment";

    private static bool AllowsType(JsonElement schema, string type) =>
        schema.TryGetProperty("type", out var types) && (types.ValueKind == JsonValueKind.String
            ? types.GetString() == type
            : types.EnumerateArray().Any(candidate => candidate.GetString() == type));

    private static HashSet<string> PlainRequired(JsonElement definition) =>
        definition.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(name => name.GetString()!).ToHashSet(StringComparer.Ordinal) : [];

    /// <summary>Required outright, or by an if/then whose condition (a const on another field) holds in the full file.</summary>
    private static bool IsRequired(SchemaObject item, string field)
    {
        if (PlainRequired(item.Schema).Contains(field))
        {
            return true;
        }

        if (!item.Schema.TryGetProperty("allOf", out var conditions))
        {
            return false;
        }

        return conditions.EnumerateArray().Any(condition =>
            condition.TryGetProperty("then", out var then) && PlainRequired(then).Contains(field)
            && condition.GetProperty("if").GetProperty("properties").EnumerateObject().All(test =>
                item.Node[test.Name] is JsonValue value && value.ToJsonString() == test.Value.GetProperty("const").GetRawText()));
    }

    private static bool MissingAt(RecordsReadResult result, string path) =>
        result.Errors.Any(error => error.Path == path && error.Message.StartsWith("mangler", StringComparison.Ordinal));

    private static string Describe(RecordsReadResult result) =>
        result.Errors.Count == 0 ? "(no errors)" : string.Join("; ", result.Errors.Select(error => error.ToString()));

    private static TheoryData<string> Data(IEnumerable<string> rows)
    {
        var data = new TheoryData<string>();
        foreach (var row in rows)
        {
            data.Add(row);
        }

        return data;
    }

    private static TheoryData<string, string> Data(IEnumerable<(string Path, string Field)> rows)
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, field) in rows)
        {
            data.Add(path, field);
        }

        return data;
    }

    private sealed record SchemaObject(string Path, string Definition, JsonElement Schema, JsonObject Node);
}

using System.Text.Json;
using AlisCompliance.Core.Rules;

namespace AlisCompliance.Core.Tests.Rules;

/// <summary>The editor schema must describe exactly the fields the reader accepts.</summary>
public sealed class WorkflowSchemaTests
{
    private static readonly Lazy<JsonDocument> Schema = new(() =>
        JsonDocument.Parse(File.ReadAllText(AlisCompliance.Tests.Shared.RepositoryRoot.Combine("rules", "workflow.schema.json"))));

    [Fact]
    public void Declares_draft_2020_12_and_forbids_unknown_fields()
    {
        var root = Schema.Value.RootElement;

        root.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
        root.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        Definition("rule").GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        Definition("scopedParam").GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Lists_exactly_the_fields_the_reader_accepts()
    {
        FieldNames(Schema.Value.RootElement).Should().BeEquivalentTo(WorkflowJsonParser.WorkflowFields);
        FieldNames(Definition("rule")).Should().BeEquivalentTo(WorkflowJsonParser.RuleFields);
        FieldNames(Definition("scopedParam")).Should().BeEquivalentTo(WorkflowJsonParser.ScopedParameterFields);
    }

    [Fact]
    public void Documents_our_properties()
    {
        var properties = Definition("properties").GetProperty("properties");

        FieldNames(Definition("properties")).Should().Contain(["severity", "legalReference", "effectiveFrom", "effectiveTo", "audience", "message"]);
        properties.GetProperty("severity").GetProperty("enum").EnumerateArray().Select(value => value.GetString()).Should().Equal("info", "warning", "violation");
        properties.GetProperty("audience").GetProperty("items").GetProperty("enum").EnumerateArray().Select(value => value.GetString())
            .Should().Equal("leader", "veileder", "alis-kontor");
        foreach (var property in properties.EnumerateObject())
        {
            property.Value.TryGetProperty("description", out _).Should().BeTrue($"'{property.Name}' should be documented");
        }
    }

    [Fact]
    public void Every_field_is_documented()
    {
        foreach (var owner in new[] { Schema.Value.RootElement, Definition("rule"), Definition("scopedParam") })
        {
            foreach (var field in owner.GetProperty("properties").EnumerateObject())
            {
                var documented = field.Value.TryGetProperty("description", out _) || field.Value.TryGetProperty("$ref", out _);
                documented.Should().BeTrue($"'{field.Name}' should have a description");
            }
        }
    }

    private static JsonElement Definition(string name) => Schema.Value.RootElement.GetProperty("$defs").GetProperty(name);

    private static IEnumerable<string> FieldNames(JsonElement type) => type.GetProperty("properties").EnumerateObject().Select(property => property.Name);
}

using System.Text.Json.Nodes;
using AlisCompliance.Core.Catalog;
using AlisCompliance.Core.Records.Reading;

namespace AlisCompliance.Core.Tests.Samples;

/// <summary>
/// The sample records in samples/ are what people run first: every one of them must read cleanly against the
/// real goal catalog and arena types in rules/catalog.
/// </summary>
public sealed class SampleRecordsTests
{
    private const string ArenaTableFile = "asnes-arenas.json";

    private static readonly Lazy<string> Root = new(() => AlisCompliance.Tests.Shared.RepositoryRoot.Path);

    private static readonly Lazy<TrainingCatalog> Catalog = new(() => CatalogReader.Read(
        File.ReadAllText(Path.Combine(Root.Value, "rules", "catalog", "goals.json")),
        File.ReadAllText(Path.Combine(Root.Value, "rules", "catalog", "arena-types.json"))));

    private static string SamplesFolder => Path.Combine(Root.Value, "samples");

    /// <summary>Every records file under samples/, as a path relative to samples/; the bare arena table is not one.</summary>
    public static TheoryData<string> SampleFiles()
    {
        var files = new TheoryData<string>();
        foreach (var path in Directory.EnumerateFiles(SamplesFolder, "*.json", SearchOption.AllDirectories)
                     .Where(path => !string.Equals(Path.GetRelativePath(SamplesFolder, path), ArenaTableFile, StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            files.Add(Path.GetRelativePath(SamplesFolder, path));
        }

        return files;
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_file_is_valid_records(string relativePath)
    {
        var result = Read(relativePath);

        result.Errors.Should().BeEmpty(
            "samples/{0} must read cleanly, but the reader reported:{1}{2}",
            relativePath,
            Environment.NewLine,
            string.Join(Environment.NewLine, result.Errors.Select(error => error.ToString())));
        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void Samples_folder_holds_records_files()
    {
        SampleFiles().Should().Contain(Path.Combine("asnes", "asnes.json"));
    }

    [Fact]
    public void Asnes_sample_has_ten_alis_in_asnes_kommune()
    {
        var records = Read(Path.Combine("asnes", "asnes.json")).Records;

        records.Should().NotBeNull();
        records!.Municipality.Id.Should().Be("3417");
        records.Alis.Should().HaveCount(10);
        records.Alis.Select(alis => alis.Id).Should().Equal(Enumerable.Range(1, 10).Select(number => $"alis-{number:00}"));
    }

    [Fact]
    public void Asnes_sample_uses_the_real_arena_table_unchanged()
    {
        var table = JsonNode.Parse(File.ReadAllText(Path.Combine(SamplesFolder, ArenaTableFile)))!["arenas"];
        var sample = JsonNode.Parse(
            File.ReadAllText(Path.Combine(SamplesFolder, "asnes", "asnes.json")),
            documentOptions: new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })!["municipality"]!["arenas"];

        JsonNode.DeepEquals(table, sample).Should().BeTrue("the sample's arenas are copied from samples/{0}", ArenaTableFile);
    }

    private static RecordsReadResult Read(string relativePath)
    {
        var path = Path.Combine(SamplesFolder, relativePath);
        return new RecordsReader(Catalog.Value).Read(path, File.ReadAllText(path));
    }
}

using AlisCompliance.Storage.Tables;
using AlisCompliance.Storage.Tests.Infrastructure;

namespace AlisCompliance.Storage.Tests.Tables;

[Collection(AzuriteTables.Name)]
public sealed class TableTypeRoundTripTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Moment = new DateTimeOffset(2026, 11, 24, 23, 59, 59, TimeSpan.FromHours(1)).AddTicks(1234567);
    private static readonly Guid Id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static TheoryData<string, object> Values => new()
    {
        { "DateTimeOffset", Moment },
        { "Int64BeyondDoublePrecision", (1L << 53) + 1 },
        { "Int64Max", long.MaxValue },
        { "Int64Min", long.MinValue },
        { "Guid", Id },
        { "True", true },
        { "False", false },
        { "Double", 0.1 },
        { "DoubleIntegral", 3.0 },
        { "DoubleNegativeZero", -0.0 },
        { "DoubleLarge", 1.7976931348623157E+308 },
        { "DoubleNaN", double.NaN },
        { "DoubleInfinity", double.PositiveInfinity },
        { "DoubleNegativeInfinity", double.NegativeInfinity },
        { "Int32", int.MinValue },
        { "String", "Åsnes: æøå ÆØÅ \"quoted\" <xml> & emoji 🙂" },
        { "EmptyString", string.Empty },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public async Task A_value_reads_back_with_the_same_type_and_value(string name, object value)
    {
        var table = azurite.CreateTableClient("types");
        await table.CreateIfNotExistsAsync();

        await table.AddEntityAsync(new TableEntity("p", "r").With(name, value));
        var pointRead = await table.GetEntityIfExistsAsync("p", "r");
        var queried = (await table.QueryAsync().ToListAsync()).Single();

        foreach (var read in new[] { pointRead!, queried })
        {
            read[name].Should().BeOfType(value.GetType());
            read[name].Should().Be(value is DateTimeOffset moment ? moment.ToUniversalTime() : value);
        }
    }

    [Fact]
    public async Task Binary_reads_back_byte_for_byte()
    {
        var table = azurite.CreateTableClient("binary");
        await table.CreateIfNotExistsAsync();
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        await table.AddEntityAsync(new TableEntity("p", "r").With("Bytes", bytes).With("Empty", Array.Empty<byte>()));
        var read = await table.GetEntityIfExistsAsync("p", "r");

        read!.GetBinary("Bytes")!.ToArray().Should().Equal(bytes);
        read.GetBinary("Empty")!.ToArray().Should().BeEmpty();
    }

    [Fact]
    public async Task All_types_together_make_an_equal_entity_apart_from_service_fields()
    {
        var table = azurite.CreateTableClient("alltypes");
        await table.CreateIfNotExistsAsync();
        var entity = new TableEntity("p", "r", Values.Select(row => KeyValuePair.Create((string)row[0], row[1])))
            .With("Bytes", new byte[] { 1, 2, 3 });

        await table.AddEntityAsync(entity);
        var read = await table.GetEntityIfExistsAsync("p", "r");

        (read! with { ETag = default, Timestamp = null }).Should().Be(entity.With("DateTimeOffset", Moment.ToUniversalTime()));
    }

    [Fact]
    public async Task Typed_filters_match_typed_values()
    {
        var table = azurite.CreateTableClient("typedfilter");
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "a").With("When", Moment).With("Big", (1L << 53) + 1).With("Id", Id).With("Ratio", 2.0));
        await table.AddEntityAsync(new TableEntity("p", "b").With("When", Moment.AddDays(-1)).With("Big", 1L).With("Id", Guid.NewGuid()).With("Ratio", 0.5));

        var filter = TableFilter.Create($"When ge {Moment} and Big eq {(1L << 53) + 1} and Id eq {Id} and Ratio gt {1.0}");
        var matches = await table.QueryAsync(TableQuery.Where(filter)).ToListAsync();

        matches.Should().ContainSingle().Which.RowKey.Should().Be("a");
    }
}

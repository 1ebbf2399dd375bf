using System.Text;
using System.Text.Json;
using AlisCompliance.Storage.Tables;

namespace AlisCompliance.Storage.Tests.Tables;

public sealed class TableEntityJsonTests
{
    [Fact]
    public void Types_JSON_cannot_show_get_OData_annotations()
    {
        var entity = new TableEntity("p", "r")
            .With("Text", "hei")
            .With("Flag", true)
            .With("Small", 7)
            .With("Large", 9_007_199_254_740_993L)
            .With("Fraction", 0.25)
            .With("Whole", 3.0)
            .With("NotANumber", double.NaN)
            .With("When", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1))
            .With("Id", Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"))
            .With("Bytes", new byte[] { 0x0a, 0x0b });

        var json = JsonDocument.Parse(TableEntityJson.Serialize(entity)).RootElement;

        json.GetProperty("Text").GetString().Should().Be("hei");
        json.TryGetProperty("Text@odata.type", out _).Should().BeFalse();
        json.GetProperty("Flag").GetBoolean().Should().BeTrue();
        json.GetProperty("Small").GetInt32().Should().Be(7);
        json.GetProperty("Large@odata.type").GetString().Should().Be("Edm.Int64");
        json.GetProperty("Large").GetString().Should().Be("9007199254740993");
        json.TryGetProperty("Fraction@odata.type", out _).Should().BeFalse();
        json.GetProperty("Whole@odata.type").GetString().Should().Be("Edm.Double");
        json.GetProperty("NotANumber").GetString().Should().Be("NaN");
        json.GetProperty("When@odata.type").GetString().Should().Be("Edm.DateTime");
        json.GetProperty("When").GetString().Should().Be("2026-11-24T09:00:00.0000001Z");
        json.GetProperty("Id@odata.type").GetString().Should().Be("Edm.Guid");
        json.GetProperty("Bytes@odata.type").GetString().Should().Be("Edm.Binary");
        json.GetProperty("Bytes").GetString().Should().Be("Cgs=");
    }

    [Fact]
    public void Reading_honours_annotations_and_metadata()
    {
        const string json = """
            {
              "odata.metadata": "http://127.0.0.1/devstoreaccount1/$metadata#t/@Element",
              "odata.etag": "W/\"datetime'2026-11-24T10%3A00%3A00.0000000Z'\"",
              "PartitionKey": "p", "RowKey": "r",
              "Timestamp@odata.type": "Edm.DateTime", "Timestamp": "2026-11-24T10:00:00.0000000Z",
              "Large@odata.type": "Edm.Int64", "Large": "-9223372036854775808",
              "Whole@odata.type": "Edm.Double", "Whole": 3,
              "Inf@odata.type": "Edm.Double", "Inf": "-Infinity",
              "Small": 12, "Fraction": 1.5, "Big": 12345678901,
              "Typed@odata.type": "Edm.String", "Typed": "x"
            }
            """;

        var entity = TableEntityJson.Deserialize(JsonDocument.Parse(Encoding.UTF8.GetBytes(json)).RootElement);

        entity.ETag.ToString().Should().Be("W/\"datetime'2026-11-24T10%3A00%3A00.0000000Z'\"");
        entity.Timestamp.Should().Be(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        entity.GetInt64("Large").Should().Be(long.MinValue);
        entity["Whole"].Should().BeOfType<double>().And.Be(3.0);
        entity.GetDouble("Inf").Should().Be(double.NegativeInfinity);
        entity["Small"].Should().BeOfType<int>();
        entity["Fraction"].Should().BeOfType<double>();
        entity["Big"].Should().BeOfType<double>("an unannotated number beyond Int32 can only be a double");
        entity.GetString("Typed").Should().Be("x");
        entity.Properties.Keys.Should().NotContain(key => key.StartsWith("odata", StringComparison.Ordinal));
    }
}

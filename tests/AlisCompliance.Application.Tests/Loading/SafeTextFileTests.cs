using System.Diagnostics;
using System.Text;
using AlisCompliance.Application.Loading;

namespace AlisCompliance.Application.Tests.Loading;

/// <summary>
/// The hostile-files corpus: every file a careless user or an attacker can point a command at is read, or refused with a
/// Norwegian reason, without hanging, crashing or reading without end.
/// </summary>
public sealed class SafeTextFileTests : IDisposable
{
    private const long Limit = 1_000;
    private static readonly TimeSpan Quickly = TimeSpan.FromSeconds(10);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("alis-files-");

    public void Dispose() => folder.Delete(recursive: true);

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0xC3, 0xB8, 0x22, 0x7D }, "{\"ø\"}")] // UTF-8
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x7B, 0x7D }, "{}")] // UTF-8 with byte order mark
    [InlineData(new byte[] { 0xFF, 0xFE, 0x7B, 0x00, 0xF8, 0x00, 0x7D, 0x00 }, "{ø}")] // UTF-16 LE with byte order mark
    [InlineData(new byte[] { 0xFE, 0xFF, 0x00, 0x7B, 0x00, 0xE6, 0x00, 0x7D }, "{æ}")] // UTF-16 BE with byte order mark
    public async Task Text_in_UTF8_or_UTF16_with_a_byte_order_mark_is_read(byte[] bytes, string expected)
    {
        var path = Write("records.json", bytes);

        var read = await ReadAsync(path);

        read.Text.Should().Be(expected);
    }

    [Fact]
    public async Task A_Latin1_file_is_refused_with_the_position_of_the_first_bad_byte()
    {
        var path = Write("latin1.json", Encoding.Latin1.GetBytes("{\"navn\": \"Bjørneby\"}"));

        var read = await ReadAsync(path);

        read.Problem.Should().Be("er ikke lagret som UTF-8 (byte 13); lagre filen som UTF-8 og prøv igjen");
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        (await ReadAsync(Write("empty.json", []))).Problem.Should().StartWith("er tom");
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_unread()
    {
        (await ReadAsync(Write("big.json", new byte[Limit + 1]))).Problem.Should().Be("er for stor (0 MB; grensen er 0 MB)");
    }

    [Fact]
    public async Task A_folder_is_not_a_file()
    {
        (await ReadAsync(folder.CreateSubdirectory("folder.json").FullName)).Problem.Should().Be("er en mappe, ikke en fil");
    }

    [Fact]
    public async Task A_missing_file_is_named_missing()
    {
        (await ReadAsync(Path.Combine(folder.FullName, "missing.json"))).Problem.Should().Be("finnes ikke");
    }

    [Fact]
    public async Task A_link_to_a_file_is_followed()
    {
        var target = Write("target.json", "{}"u8.ToArray());
        var link = Link("link.json", target);

        (await ReadAsync(link)).Text.Should().Be("{}");
    }

    [Fact]
    public async Task A_link_to_nothing_is_refused()
    {
        (await ReadAsync(Link("dangling.json", Path.Combine(folder.FullName, "gone.json")))).Problem.Should().StartWith("er en lenke som går i ring eller peker på noe som ikke finnes");
    }

    [Fact]
    public async Task A_link_loop_is_refused_not_followed_forever()
    {
        var first = Path.Combine(folder.FullName, "a.json");
        var second = Path.Combine(folder.FullName, "b.json");
        File.CreateSymbolicLink(first, second);
        File.CreateSymbolicLink(second, first);

        (await ReadAsync(first)).Problem.Should().StartWith("er en lenke som går i ring");
    }

    [Fact]
    public async Task A_link_to_itself_is_refused()
    {
        var self = Path.Combine(folder.FullName, "self.json");
        File.CreateSymbolicLink(self, self);

        (await ReadAsync(self)).Problem.Should().StartWith("er en lenke som går i ring");
    }

    [Fact]
    public async Task A_link_to_an_endless_device_is_refused_without_reading()
    {
        (await ReadAsync(Link("zero.json", "/dev/zero"))).Problem.Should().StartWith("er tom, eller er ikke en vanlig fil");
    }

    [Fact]
    public async Task A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        var pipe = Path.Combine(folder.FullName, "pipe.json");
        using (var mkfifo = Process.Start("mkfifo", pipe))
        {
            await mkfifo.WaitForExitAsync();
        }

        (await ReadAsync(pipe)).Problem.Should().StartWith("er tom, eller er ikke en vanlig fil");
    }

    [Fact]
    public async Task A_pseudo_file_that_reports_no_size_is_refused()
    {
        (await ReadAsync("/proc/self/status")).Problem.Should().StartWith("er tom, eller er ikke en vanlig fil");
    }

    [Fact]
    public void A_folder_s_json_files_are_found_in_any_letter_case_in_name_order()
    {
        foreach (var name in new[] { "b.json", "A.JSON", "c.Json", "d.txt", "e.json.bak" })
        {
            Write(name, "{}"u8.ToArray());
        }

        SafeTextFile.JsonFilesIn(folder.FullName).Select(Path.GetFileName).Should().Equal("A.JSON", "b.json", "c.Json");
    }

    [Theory]
    [InlineData(10_000_000, "10 MB")]
    [InlineData(12_400_000, "12,4 MB")]
    [InlineData(1_000, "0 MB")]
    public void Sizes_are_told_in_megabytes(long bytes, string expected)
    {
        SafeTextFile.Megabytes(bytes).Should().Be(expected);
    }

    private static Task<TextFileRead> ReadAsync(string path) => SafeTextFile.ReadAsync(path, Limit, CancellationToken.None).WaitAsync(Quickly);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(folder.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Link(string name, string target)
    {
        var path = Path.Combine(folder.FullName, name);
        File.CreateSymbolicLink(path, target);
        return path;
    }
}

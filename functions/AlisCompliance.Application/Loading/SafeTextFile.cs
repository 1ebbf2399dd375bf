using System.Globalization;
using System.Text;
using AlisCompliance.Core.Compliance;

namespace AlisCompliance.Application.Loading;

/// <summary>
/// The one way files are read: records, rules, catalogs, rule tests and supervision logs. It follows symbolic links to
/// their end (a loop is an error, not a hang), never opens what reports no size (an empty file, a named pipe or a device
/// such as /dev/zero, which would block or never end), enforces the size limit while reading, and takes UTF-8 (with or
/// without byte order mark) or UTF-16 with a byte order mark. Every failure becomes a Norwegian sentence.
/// </summary>
public static class SafeTextFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static async Task<TextFileRead> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var given = new FileInfo(path);
            var file = Resolve(given);
            if (file is null || (given.LinkTarget is not null && !file.Exists && !Directory.Exists(file.FullName)))
            {
                return TextFileRead.Refused("er en lenke som går i ring eller peker på noe som ikke finnes");
            }

            if (Directory.Exists(file.FullName))
            {
                return TextFileRead.Refused("er en mappe, ikke en fil");
            }

            if (!file.Exists)
            {
                return TextFileRead.Refused("finnes ikke");
            }

            if (file.Length == 0)
            {
                return TextFileRead.Refused("er tom, eller er ikke en vanlig fil (for eksempel en pipe eller en enhet)");
            }

            if (file.Length > maxBytes)
            {
                return TooLarge(file.Length, maxBytes);
            }

            var bytes = await ReadAtMostAsync(file, maxBytes, cancellationToken);
            return bytes is null ? TooLarge(maxBytes + 1, maxBytes) : Decode(bytes);
        }
        catch (UnauthorizedAccessException)
        {
            return TextFileRead.Refused("kan ikke leses: mangler lesetilgang");
        }
        catch (IOException exception) when (exception is not FileNotFoundException and not DirectoryNotFoundException)
        {
            return TextFileRead.Refused("kan ikke leses (feil ved lesing fra disken)");
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return TextFileRead.Refused("finnes ikke");
        }
    }

    /// <summary>The <c>.json</c> files of a folder (any letter case), in ordinal order of their names.</summary>
    public static IReadOnlyList<string> JsonFilesIn(string folder) =>
    [
        .. Directory.EnumerateFileSystemEntries(folder)
            .Where(entry => Path.GetExtension(entry).Equals(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A size in MB for people: <c>10 MB</c>, <c>12,4 MB</c>.</summary>
    public static string Megabytes(long bytes) => NorwegianFormat.Megabytes(bytes);

    private static FileInfo? Resolve(FileInfo file)
    {
        if (file.LinkTarget is null)
        {
            return file;
        }

        try
        {
            return file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo target ? target : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static TextFileRead TooLarge(long bytes, long maxBytes) =>
        TextFileRead.Refused($"er for stor ({Megabytes(bytes)}; grensen er {Megabytes(maxBytes)})");

    /// <summary>Null when the file holds more than <paramref name="maxBytes"/> (it may have grown since its size was read).</summary>
    private static async Task<byte[]?> ReadAtMostAsync(FileInfo file, long maxBytes, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
        using var copy = new MemoryStream((int)Math.Min(file.Length, maxBytes));
        var buffer = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (copy.Length + read > maxBytes)
            {
                return null;
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static TextFileRead Decode(byte[] bytes)
    {
        ReadOnlySpan<byte> data = bytes;
        try
        {
            return data switch
            {
                [0xEF, 0xBB, 0xBF, ..] => new TextFileRead(StrictUtf8.GetString(data[3..]), null),
                [0xFF, 0xFE, ..] => new TextFileRead(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(data[2..]), null),
                [0xFE, 0xFF, ..] => new TextFileRead(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(data[2..]), null),
                _ => new TextFileRead(StrictUtf8.GetString(data), null),
            };
        }
        catch (DecoderFallbackException exception)
        {
            var position = exception.Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $" (byte {exception.Index + 1})") : string.Empty;
            return TextFileRead.Refused($"er ikke lagret som UTF-8{position}; lagre filen som UTF-8 og prøv igjen");
        }
    }
}

namespace AlisCompliance.Application.Tests;

/// <summary>Files a person may want to look at after a run (charts, screenshots): the test output folder's artifacts/.</summary>
internal static class Artifacts
{
    public static string Folder
    {
        get
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public static string Save(string name, byte[] content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }
}

namespace AlisCompliance.StorageBenchmarks;

/// <summary>The checkout the benchmark runs from: the folder above the program that holds AlisCompliance.sln.</summary>
internal static class RepositoryRoot
{
    public static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AlisCompliance.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Run from the checkout: no folder above the program holds AlisCompliance.sln.");
    }
}

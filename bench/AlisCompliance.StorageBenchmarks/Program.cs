using AlisCompliance.StorageBenchmarks;

// dotnet run -c Release --project bench/AlisCompliance.StorageBenchmarks -- ingest-national [options]
if (args.Length == 0 || !string.Equals(args[0], "ingest-national", StringComparison.Ordinal))
{
    await Console.Error.WriteLineAsync("Usage: ingest-national [--municipalities 356] [--alis 2000] [--sessions 250] [--files-at-once 4] [--partitions-at-once 4] [--connection-string S]");
    return 2;
}

var options = IngestNationalOptions.Parse(args.AsSpan(1));
return await new IngestNationalBenchmark(options, Console.Out).RunAsync();

using AlisCompliance.StorageBenchmarks;

// dotnet run -c Release --project bench/AlisCompliance.StorageBenchmarks -- ingest-national [options]
// dotnet run -c Release --project bench/AlisCompliance.StorageBenchmarks -- sweep [options]
switch (args.FirstOrDefault())
{
    case "ingest-national":
        return await new IngestNationalBenchmark(IngestNationalOptions.Parse(args.AsSpan(1)), Console.Out).RunAsync();
    case "sweep":
        return await new SweepBenchmark(SweepOptions.Parse(args.AsSpan(1)), Console.Out).RunAsync();
    default:
        await Console.Error.WriteLineAsync("Usage: ingest-national [--municipalities 356] [--alis 2000] [--sessions 250] [--files-at-once 4] [--partitions-at-once 4] [--connection-string S]");
        await Console.Error.WriteLineAsync("       sweep [--municipalities 356] [--alis 2000] [--sessions 250] [--deliver discard|after|during] [--log-level Warning] [--host-json PATH]");
        return 2;
}

using AlisCompliance.Functions.Cli;

return await CommandLineApp.RunAsync(args, Console.Out, Console.Error);

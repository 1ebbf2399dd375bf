using AlisCompliance.Cli.Commands;

return await CommandLineApp.RunAsync(args, Console.Out, Console.Error);

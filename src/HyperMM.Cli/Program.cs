using HyperMM.Cli;

return await CliApp.RunAsync(args).ConfigureAwait(false);

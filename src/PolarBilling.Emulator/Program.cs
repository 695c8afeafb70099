using PolarBilling.Emulator.Hosting;

return await EmulatorCommandLine.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);

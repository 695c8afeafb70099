using BenchmarkDotNet.Running;
using PolarBilling.Entitlements.Bench;

BenchmarkSwitcher.FromAssembly(typeof(EntitlementCheckBenchmarks).Assembly).Run(args);

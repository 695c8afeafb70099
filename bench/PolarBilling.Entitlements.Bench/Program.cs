// The cached entitlement check against a per-request database query (docs/benchmarks.md, "Entitlement checks"):
// dotnet run -c Release --project bench/PolarBilling.Entitlements.Bench -- --filter '*' --job short
using BenchmarkDotNet.Running;
using PolarBilling.Entitlements.Bench;

BenchmarkSwitcher.FromAssembly(typeof(EntitlementCheckBenchmarks).Assembly).Run(args);

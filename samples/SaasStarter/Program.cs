using Microsoft.AspNetCore.Identity;
using SaasStarter.Billing;
using SaasStarter.Demo;
using SaasStarter.Identity;

var builder = WebApplication.CreateBuilder(args);

// No Polar keys: an in-process Polar emulator with the four products, and SQLite. Keys: real Polar.
await builder.AddSaasStarterBillingAsync();
builder.AddSaasStarterIdentity();
builder.Services.AddRazorPages(options => options.Conventions.AuthorizeFolder("/Billing").AuthorizePage("/Dashboard"));

var app = builder.Build();

app.UseStaticFiles();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

app.MapRazorPages();
app.MapGroup("/identity").MapIdentityApi<IdentityUser>();
app.MapPolarBilling();
app.MapDemoApi();

await app.RunAsync();

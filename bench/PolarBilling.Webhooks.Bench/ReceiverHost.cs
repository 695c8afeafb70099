using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PolarBilling.Client.Webhooks;
using PolarBilling.EntityFrameworkCore;
using PolarBilling.Inbox;

namespace PolarBilling.Webhooks.Bench;

/// <summary>
/// The two .NET receivers, each a minimal Kestrel app on loopback in its own process: "plain" reads the body and
/// answers 202 (the ceiling); "polarbilling" reads the raw body, verifies it and appends it durably to the
/// PostgreSQL inbox before answering 202.
/// </summary>
internal static class ReceiverHost
{
    public const string Path = "/api/webhooks/polar";

    public static async Task RunAsync(string receiver, int port, string secret, string? connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port));
        var polarBilling = receiver == "polarbilling";
        if (polarBilling)
        {
            builder.Services.AddSingleton(new WebhookVerifier(secret));
            builder.Services.AddPolarBillingPostgreSql(connectionString ?? throw new ArgumentException("polarbilling needs a connection string"))
                .MigrateOnStartup();

            // Receive only: the projection worker would compete for the 2 cores with what is measured here.
            var worker = builder.Services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "BillingDispatchWorker");
            builder.Services.Remove(worker);
        }

        await using var app = builder.Build();
        if (polarBilling)
        {
            app.MapPost(Path, ReceiveAsync);
        }
        else
        {
            app.MapPost(Path, async (HttpRequest request) =>
            {
                using var buffer = new MemoryStream();
                await request.Body.CopyToAsync(buffer);
                return Results.StatusCode(StatusCodes.Status202Accepted);
            });
        }

        await app.RunAsync();
    }

    private static async Task<IResult> ReceiveAsync(HttpRequest request, WebhookVerifier verifier, IWebhookInbox inbox)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        var result = verifier.Verify(body.Span, request.Headers["webhook-id"], request.Headers["webhook-timestamp"], request.Headers["webhook-signature"]);
        if (!result.IsValid)
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return await inbox.AppendAsync(result.WebhookId!, body) == InboxAppendResult.TooLarge
            ? Results.StatusCode(StatusCodes.Status413PayloadTooLarge)
            : Results.StatusCode(StatusCodes.Status202Accepted);
    }
}

using PolarBilling.Client.Tests.Infrastructure;

namespace PolarBilling.Client.Tests.Http;

/// <summary>Polar's failure answers by name, so theories take serializable strings and list one case per row.</summary>
internal static class TransportFailures
{
    public static LoopbackResponse Named(string name) => name switch
    {
        "500 json" => LoopbackResponse.Json(500, """{"error":"InternalServerError","detail":"boom"}"""),
        "502 html" => LoopbackResponse.Text(502, "<html>bad gateway</html>"),
        "503 empty" => LoopbackResponse.Empty(503),
        "504 empty" => LoopbackResponse.Empty(504),
        "429 Retry-After 0" => LoopbackResponse.RateLimited(0),
        "429 Retry-After 120" => LoopbackResponse.RateLimited(120),
        "429 no Retry-After" => LoopbackResponse.Empty(429),
        "401 invalid_token" => LoopbackResponse.Json(401, """{"error":"invalid_token","error_description":"bad token"}"""),
        "403 insufficient_scope" => LoopbackResponse.Json(403, """{"error":"insufficient_scope"}"""),
        "404 ResourceNotFound" => LoopbackResponse.Json(404, """{"error":"ResourceNotFound","detail":"Not found"}"""),
        "422 list" => LoopbackResponse.Json(422, """{"detail":[{"type":"missing","loc":["query","x"],"msg":"Field required"}]}"""),
        "dropped connection" => LoopbackResponse.Abort(),
        "no answer for 5 s" => LoopbackResponse.Json(200, "{}").After(TimeSpan.FromSeconds(5)),
        "200 not json" => LoopbackResponse.Text(200, "not json"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such failure."),
    };
}

using System.Buffers;
using System.Text.Json;
using PolarBilling.Client.Serialization;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// Answers in Polar's JSON: models serialized with the client's source-generated settings (exact wire names, nulls
/// written, UTC timestamps to the microsecond). Serialize under the state lock: the bytes are taken at once.
/// </summary>
internal static class ApiResults
{
    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        new JsonBytes(PolarJson.SerializeToUtf8Bytes(value), status);

    /// <summary>Already-serialized JSON with a status.</summary>
    public static IResult Raw(byte[] json, int status = StatusCodes.Status200OK) => new JsonBytes(json, status);

    public static IResult Created<T>(T value) => Json(value, StatusCodes.Status201Created);

    public static IResult NoContent() => Results.StatusCode(StatusCodes.Status204NoContent);

    /// <summary>Polar's offset page: <c>{"items": [...], "pagination": {"total_count", "max_page"}}</c>.</summary>
    /// <param name="items">The items of this page, already sorted and sliced.</param>
    /// <param name="totalCount">How many items match in all.</param>
    /// <param name="limit">The page size used (after clamping).</param>
    public static IResult Page<T>(IEnumerable<T> items, int totalCount, int limit)
    {
        var info = PolarJson.TypeInfo<T>();
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = PolarJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("items");
            foreach (var item in items)
            {
                JsonSerializer.Serialize(writer, item, info);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("pagination");
            writer.WriteNumber("total_count", totalCount);
            writer.WriteNumber("max_page", (int)Math.Ceiling(totalCount / (double)limit));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return new JsonBytes(buffer.WrittenMemory.ToArray(), StatusCodes.Status200OK);
    }

    private sealed class JsonBytes(byte[] body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            httpContext.Response.ContentType = "application/json";
            httpContext.Response.ContentLength = body.Length;
            return httpContext.Response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
        }
    }
}

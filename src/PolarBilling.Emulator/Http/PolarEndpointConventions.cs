namespace PolarBilling.Emulator.Http;

/// <summary>Marks minimal-API routes as Polar operations.</summary>
internal static class PolarEndpointConventions
{
    /// <summary>Declares that the route implements the spec operation <paramref name="operationId"/>, e.g. <c>products:get</c>.</summary>
    /// <exception cref="KeyNotFoundException">The spec has no such operation (checked when the app starts).</exception>
    public static RouteHandlerBuilder WithPolarOperation(this RouteHandlerBuilder builder, string operationId)
    {
        var operation = new PolarOperation(operationId);
        return builder.WithMetadata(operation);
    }

    /// <summary>Rewrites the parsed body in place before spec validation, as a pydantic <c>BeforeValidator</c> of Polar's does.</summary>
    public static RouteHandlerBuilder WithBodyCoercion(this RouteHandlerBuilder builder, Action<System.Text.Json.Nodes.JsonNode> coerce) =>
        builder.WithMetadata(new BodyCoercion(coerce));
}

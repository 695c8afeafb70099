using PolarBilling.Emulator.Contract;

namespace PolarBilling.Emulator.Http;

/// <summary>
/// Endpoint metadata naming the Polar operation a route implements (its spec <c>operationId</c>). The API middleware
/// reads it to authenticate with the operation's scopes and to validate the body against its schema.
/// </summary>
internal sealed class PolarOperation
{
    public PolarOperation(string operationId) => Spec = PolarContract.Operation(operationId);

    public SpecOperation Spec { get; }
}

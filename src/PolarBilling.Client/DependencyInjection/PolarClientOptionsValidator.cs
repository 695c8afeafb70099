using Microsoft.Extensions.Options;

namespace PolarBilling.Client.Internal;

/// <summary>Fails startup with every problem in the Polar options, each saying what to set and where.</summary>
internal sealed class PolarClientOptionsValidator : IValidateOptions<PolarClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PolarClientOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}

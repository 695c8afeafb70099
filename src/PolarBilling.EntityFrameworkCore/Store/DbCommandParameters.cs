using System.Data.Common;

namespace PolarBilling.EntityFrameworkCore;

/// <summary>Parameters for the raw SQL commands of the inbox and the usage store (provider-neutral).</summary>
internal static class DbCommandParameters
{
    /// <summary>Adds a parameter named <paramref name="name"/> with <paramref name="value"/>.</summary>
    public static void AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

// Placeholder until tools/codegen generates the models.
using System.Text.Json.Serialization;

namespace PolarBilling.Client.Models;

[JsonSerializable(typeof(PolarPagination))]
internal sealed partial class PolarModelsJsonContext : JsonSerializerContext;

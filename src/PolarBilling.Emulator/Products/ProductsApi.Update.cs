using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Webhooks;

namespace PolarBilling.Emulator.Products;

internal static partial class ProductsApi
{
    /// <summary>
    /// <c>PATCH /v1/products/{id}</c> as Polar's <c>product/service.py update</c>: a <c>prices</c> list replaces the
    /// current prices (an <c>{"id": ...}</c> keeps one; the others are archived, and stay readable where used);
    /// the recurring interval cannot change; trials only on subscriptions. Then <c>product.updated</c>.
    /// </summary>
    private static IResult Update(HttpContext context, EmulatorState state, string id)
    {
        lock (state.Gate)
        {
            var product = state.Products.Get(UuidInput.Path(id));
            var body = context.Body();
            var hasPrices = body.TryGetProperty("prices", out var prices) && prices.ValueKind == JsonValueKind.Array;
            if (hasPrices && PriceSchemaChecks.Check(prices, ["body", "prices"]) is { Count: > 0 } schemaIssues)
            {
                throw Problems.Validation(schemaIssues, "RequestValidationError");
            }

            var errors = new List<ValidationIssue>();
            List<ProductPrice>? newList = null;
            if (hasPrices)
            {
                (newList, _) = ProductPriceRules.Read(state, prices, product.RecurringInterval is not null, product, product.Id, errors);
            }

            CheckIntervals(product, body, errors);
            CheckAttachments(body, errors);
            if (errors.Count > 0)
            {
                throw Problems.Validation(errors);
            }

            var now = state.Now;
            if (newList is not null)
            {
                foreach (var dropped in product.Prices.Where(p => !newList.Contains(p)))
                {
                    dropped.IsArchived = true;
                    dropped.ModifiedAt = now;
                }

                foreach (var price in newList)
                {
                    state.Products.AddPrice(price);
                }

                product.Prices = PriceFactory.Ordered(newList);
            }

            Apply(product, body);
            product.ModifiedAt = now;
            state.Webhooks.Emit(new ProductUpdatedWebhookEvent(ProductViews.Refresh(state, product), now));
            return ApiResults.Json(product);
        }
    }

    private static void CheckIntervals(Product product, JsonElement body, List<ValidationIssue> errors)
    {
        var interval = body.TryGetProperty("recurring_interval", out var i) ? i : default;
        var count = body.TryGetProperty("recurring_interval_count", out var c) ? c : default;
        var changed =
            (interval.ValueKind == JsonValueKind.String && interval.GetString() != product.RecurringInterval?.Value)
            || (count.ValueKind == JsonValueKind.Number && count.GetInt64() != product.RecurringIntervalCount)
            || (interval.ValueKind == JsonValueKind.Null && product.RecurringInterval is not null)
            || (count.ValueKind == JsonValueKind.Null && product.RecurringIntervalCount is not null);
        if (changed)
        {
            errors.Add(ValidationIssue.BodyValue("recurring_interval", "Recurring interval cannot be changed.", interval.ValueKind == JsonValueKind.String ? interval.GetString() : null));
        }

        var trial = Text(body, "trial_interval");
        var trialCount = Long(body, "trial_interval_count");
        if ((trial is not null || trialCount is not null) && product.RecurringInterval is null)
        {
            errors.Add(ValidationIssue.BodyValue("trial_interval", "Trial configuration is only supported on recurring products.", trial));
            errors.Add(ValidationIssue.BodyValue("trial_interval_count", "Trial configuration is only supported on recurring products.", trialCount));
        }
    }

    /// <summary>Every field the body sets; an explicit null clears a nullable one (pydantic's <c>exclude_unset</c>).</summary>
    private static void Apply(Product product, JsonElement body)
    {
        if (Text(body, "name") is { } name)
        {
            product.Name = name.Trim();
        }

        if (body.TryGetProperty("description", out var description))
        {
            product.Description = EmptyToNull(description.ValueKind == JsonValueKind.String ? description.GetString() : null);
        }

        if (Text(body, "visibility") is { } visibility)
        {
            product.Visibility = new ProductVisibility(visibility);
        }

        if (body.TryGetProperty("is_archived", out var archived) && archived.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            product.IsArchived = archived.GetBoolean();
        }

        if (body.TryGetProperty("metadata", out var metadata) && metadata.ValueKind == JsonValueKind.Object)
        {
            product.Metadata = Metadata(body);
        }

        if (body.TryGetProperty("trial_interval", out var trial))
        {
            product.TrialInterval = trial.ValueKind == JsonValueKind.String ? new TrialInterval(trial.GetString()!) : null;
        }

        if (body.TryGetProperty("trial_interval_count", out var trialCount))
        {
            product.TrialIntervalCount = trialCount.ValueKind == JsonValueKind.Number ? trialCount.GetInt64() : null;
        }
    }
}

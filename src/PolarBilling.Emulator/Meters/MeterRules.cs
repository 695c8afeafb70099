using System.Text.Json;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Meters;

/// <summary>Creating and changing meters as Polar's <c>meter/service.py</c> does. No webhooks: Polar has no meter events.</summary>
internal static class MeterRules
{
    public static Meter Create(EmulatorState state, MeterCreate create) => state.Meters.Add(new Meter
    {
        Id = PolarTokens.NewId(),
        CreatedAt = state.Now,
        Name = create.Name,
        Unit = create.Unit ?? MeterUnit.Scalar,
        CustomLabel = create.CustomLabel,
        CustomMultiplier = create.CustomMultiplier,
        Filter = Normalized(create.Filter),
        Aggregation = Normalized(create.Aggregation),
        Metadata = create.Metadata ?? [],
        OrganizationId = state.Organization.Id,
    });

    /// <exception cref="EmulatorProblem">
    /// 422 <c>forbidden</c> at <c>body.filter</c>/<c>body.aggregation</c> once the meter aggregates events (Polar's
    /// <c>last_billed_event</c>; approximated as "an event of a known customer matches"); 422 at <c>body.is_archived</c>
    /// while active products or benefits use the meter.
    /// </exception>
    public static Meter Update(EmulatorState state, Meter meter, JsonElement body)
    {
        var update = PolarJson.Deserialize<MeterUpdate>(body.GetRawText());
        var issues = new List<ValidationIssue>();
        if (IsAggregating(state, meter))
        {
            foreach (var field in new[] { "filter", "aggregation" })
            {
                if (body.TryGetProperty(field, out var value))
                {
                    issues.Add(new ValidationIssue("forbidden", ["body", field], "This field can't be updated because the meter is already aggregating events.", System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText())));
                }
            }
        }

        if (issues.Count > 0)
        {
            throw Problems.Validation(issues);
        }

        if (update.IsArchived == true && meter.ArchivedAt is null)
        {
            CheckCanArchive(state, meter);
        }

        meter.Name = update.Name ?? meter.Name;
        meter.Unit = update.Unit ?? meter.Unit;
        meter.CustomLabel = body.TryGetProperty("custom_label", out _) ? update.CustomLabel : meter.CustomLabel;
        meter.CustomMultiplier = body.TryGetProperty("custom_multiplier", out _) ? update.CustomMultiplier : meter.CustomMultiplier;
        meter.Filter = update.Filter is { } filter ? Normalized(filter) : meter.Filter;
        meter.Aggregation = update.Aggregation is { } aggregation ? Normalized(aggregation) : meter.Aggregation;
        meter.Metadata = update.Metadata ?? meter.Metadata;
        meter.ArchivedAt = update.IsArchived switch
        {
            true => meter.ArchivedAt ?? state.Now,
            false => null,
            null => meter.ArchivedAt,
        };
        meter.ModifiedAt = state.Now;
        return meter;
    }

    private static bool IsAggregating(EmulatorState state, Meter meter) =>
        MeterEngine.MatchingEvents(state, meter).Any(e => e.CustomerId is not null
            || (e.ExternalCustomerId is { } external && state.Customers.All.Any(c => c.ExternalId == external)));

    private static void CheckCanArchive(EmulatorState state, Meter meter)
    {
        var usedByPrice = state.Products.All.Where(p => !p.IsArchived)
            .Any(p => p.Prices.OfType<ProductPriceMeteredUnit>().Any(price => price.MeterId == meter.Id && !price.IsArchived));
        if (usedByPrice)
        {
            throw Problems.Validation(new ValidationIssue("value_error", ["body", "is_archived"], "Cannot archive meter that is still attached to active products", true));
        }

        var usedByBenefit = state.Benefits.All.OfType<BenefitMeterCredit>().Any(b => !b.IsDeleted && b.Properties.MeterId == meter.Id);
        if (usedByBenefit)
        {
            throw Problems.Validation(new ValidationIssue("value_error", ["body", "is_archived"], "Cannot archive meter that is still referenced by active benefits", true));
        }
    }

    // Polar strips a "metadata." prefix from properties when it validates them, so the meter shows the bare key.
    private static Filter Normalized(Filter filter) => new()
    {
        Conjunction = filter.Conjunction,
        Clauses = [.. filter.Clauses.Select(c => c switch
        {
            Filter nested => Normalized(nested),
            FilterClause clause => new FilterClause { Property = MeterFilterEvaluator.StripMetadataPrefix(clause.Property), Operator = clause.Operator, Value = clause.Value },
            _ => c,
        })],
    };

    private static MeterAggregation Normalized(MeterAggregation aggregation) => aggregation switch
    {
        PropertyAggregation p => new PropertyAggregation { Func = p.Func, Property = MeterFilterEvaluator.StripMetadataPrefix(p.Property) },
        UniqueAggregation u => new UniqueAggregation { Property = MeterFilterEvaluator.StripMetadataPrefix(u.Property) },
        CountAggregation => new CountAggregation(),
        _ => aggregation,
    };
}

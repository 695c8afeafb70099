using System.Text.Json.Nodes;
using PolarBilling.Client;
using PolarBilling.Client.Serialization;
using PolarBilling.Emulator.Meters;
using PolarBilling.Emulator.State;
using PolarBilling.Emulator.Subscriptions;

namespace PolarBilling.Emulator.BenefitGrants;

/// <summary>
/// What granting, cycling and revoking does per benefit type (Polar's <c>benefit/strategies/*</c>). Meter credits are
/// real: they record <c>meter.credited</c> (and <c>meter.reset</c> on a cycle) so customer meter balances move.
/// Feature flags and custom benefits keep empty properties, as in Polar. Other types (Discord, GitHub, downloadables,
/// license keys, Slack) reach no outside service here and are granted with empty properties (approximation).
/// </summary>
internal static class BenefitStrategies
{
    public static BenefitGrantProperties Empty() => PolarJson.Deserialize<BenefitGrantProperties>("{}");

    public static BenefitGrantProperties Grant(EmulatorState state, Benefit benefit, string customerId) => benefit switch
    {
        BenefitMeterCredit credit => Credit(state, customerId, credit.Properties.MeterId, credit.Properties.Units, credit.Properties.Rollover),
        _ => Empty(),
    };

    public static BenefitGrantProperties Revoke(EmulatorState state, Benefit benefit, BenefitGrant grant)
    {
        if (benefit is not BenefitMeterCredit credit)
        {
            return grant.Properties;
        }

        // Give back what was last credited; nothing to undo when it never was.
        var properties = ReadCredit(grant.Properties);
        if (properties.MeterId is null)
        {
            return grant.Properties;
        }

        return Credit(state, grant.CustomerId, properties.MeterId, -(properties.Units ?? credit.Properties.Units), credit.Properties.Rollover);
    }

    public static BenefitGrantProperties Cycle(EmulatorState state, Benefit benefit, BenefitGrant grant)
    {
        if (benefit is not BenefitMeterCredit credit)
        {
            return grant.Properties;
        }

        var meterId = credit.Properties.MeterId;
        long rollover = 0;
        if (credit.Properties.Rollover && state.Meters.Find(meterId) is { } meter)
        {
            rollover = Math.Max(0, Balance(state, grant.CustomerId, meter));
        }

        SystemEventLog.Record(state, new MeterResetEvent { Metadata = new MeterResetMetadata { MeterId = meterId } }, grant.CustomerId);
        if (rollover > 0)
        {
            SystemEventLog.Record(state, new MeterCreditEvent { Metadata = new MeterCreditedMetadata { MeterId = meterId, Units = rollover, Rollover = true } }, grant.CustomerId);
        }

        return Credit(state, grant.CustomerId, meterId, credit.Properties.Units, credit.Properties.Rollover);
    }

    private static BenefitGrantProperties Credit(EmulatorState state, string customerId, string meterId, long units, bool rollover)
    {
        SystemEventLog.Record(state, new MeterCreditEvent { Metadata = new MeterCreditedMetadata { MeterId = meterId, Units = units, Rollover = rollover } }, customerId);
        var json = new JsonObject
        {
            ["last_credited_meter_id"] = meterId,
            ["last_credited_units"] = units,
            ["last_credited_at"] = Iso(state.Now),
        };
        return PolarJson.Deserialize<BenefitGrantProperties>(json.ToJsonString());
    }

    /// <summary>Credited minus consumed units since the customer's last reset of the meter (Polar's customer meter balance).</summary>
    private static long Balance(EmulatorState state, string customerId, Meter meter)
    {
        var since = state.Events.All.OfType<MeterResetEvent>()
            .Where(e => e.CustomerId == customerId && e.Metadata.MeterId == meter.Id)
            .Select(e => e.Timestamp)
            .DefaultIfEmpty(DateTimeOffset.MinValue)
            .Max();
        var credited = MeteredUsage.CreditedUnits(state, customerId, meter.Id, since, state.Now.AddTicks(10));
        var consumed = MeterEngine.Quantity(state, meter, customerId, since, state.Now.AddTicks(10));
        return credited - (long)Math.Ceiling(consumed);
    }

    private static (string? MeterId, long? Units) ReadCredit(BenefitGrantProperties properties)
    {
        var json = JsonNode.Parse(PolarJson.SerializeToUtf8Bytes(properties)) as JsonObject;
        var meterId = json?["last_credited_meter_id"]?.GetValue<string>();
        var units = json?["last_credited_units"] is JsonValue value && value.TryGetValue<long>(out var number) ? number : (long?)null;
        return (meterId, units);
    }

    /// <summary>Python's <c>datetime.isoformat()</c> of a UTC instant: <c>2026-11-02T09:00:00.123456+00:00</c>.</summary>
    public static string Iso(DateTimeOffset value) =>
        value.UtcDateTime.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", System.Globalization.CultureInfo.InvariantCulture) + "+00:00";
}

using PolarBilling.Client.Internal;

namespace PolarBilling.Client;

/// <summary>Filters for <c>GET /v1/benefits/{id}/grants</c>. This list has no sorting; setting <see cref="ListOptions.Sorting"/> throws.</summary>
public sealed class BenefitGrantsOfBenefitListOptions : ListOptions
{
    /// <summary><see langword="true"/>: only current grants; <see langword="false"/>: only revoked ones; unset: both.</summary>
    public bool? IsGranted { get; set; }

    /// <summary>Only grants of these customers (<c>customer_id</c>).</summary>
    public IList<string>? CustomerId { get; set; }

    /// <summary>Only grants of these members of team customers (<c>member_id</c>).</summary>
    public IList<string>? MemberId { get; set; }

    private protected override bool SupportsSorting => false;

    private protected override void AddFilters(PolarQuery query)
    {
        query.Add("is_granted", IsGranted)
            .Add("customer_id", CustomerId)
            .Add("member_id", MemberId);
    }
}

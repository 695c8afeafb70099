using PolarBilling.Client;
using PolarBilling.Client.Webhooks;
using PolarBilling.Emulator.Http;
using PolarBilling.Emulator.State;

namespace PolarBilling.Emulator.Customers;

/// <summary>
/// Members of a customer as Polar's <c>member/service.py</c> manages them: one owner per customer, individual customers
/// limited to that one member, members found again by email instead of duplicated, ownership transferred by the admin
/// API (the old owner becomes billing manager), and <c>member.created|updated|deleted</c> sent as each change is made.
/// </summary>
internal static class MemberRules
{
    public static Member CreateOwner(EmulatorState state, Customer customer, string email, string? name, string? externalId)
    {
        if (state.Members.OfCustomer(customer.Id).FirstOrDefault(m => m.Role == MemberRole.Owner) is { } existing)
        {
            return existing;
        }

        return Add(state, customer, email, name ?? customer.Name, externalId ?? customer.ExternalId, MemberRole.Owner, customer.CreatedAt);
    }

    /// <exception cref="EmulatorProblem">403 <c>NotPermitted</c> when an individual customer already has its member.</exception>
    public static Member Create(EmulatorState state, Customer customer, string email, string? name, string? externalId, MemberRole role)
    {
        email = email.Trim();
        var members = state.Members.OfCustomer(customer.Id).ToList();
        if (customer is not CustomerTeam && members.Count >= 1)
        {
            throw Problems.NotPermitted("Individual customers can only have one member (the owner). Upgrade to a team customer to add more members.");
        }

        return members.FirstOrDefault(m => string.Equals(m.Email, email, StringComparison.OrdinalIgnoreCase))
            ?? Add(state, customer, email, name, externalId, role, state.Now);
    }

    /// <exception cref="EmulatorProblem">422 at <c>body.role</c> when the change would leave the customer without its one owner.</exception>
    public static Member Update(EmulatorState state, Member member, string? name, string? email, MemberRole? role)
    {
        if (role is { } newRole && newRole != member.Role)
        {
            var owners = state.Members.OfCustomer(member.CustomerId).Where(m => m.Role == MemberRole.Owner).ToList();
            if (member.Role == MemberRole.Owner && owners.Count <= 1)
            {
                throw Problems.Validation(new ValidationIssue("value_error", ["body", "role"], "Cannot change role. Customer must have exactly one owner.", newRole.Value));
            }

            if (newRole == MemberRole.Owner)
            {
                // The admin API may transfer ownership: the current owner is demoted without a webhook of its own.
                foreach (var owner in owners)
                {
                    owner.Role = MemberRole.BillingManager;
                    owner.ModifiedAt = state.Now;
                }
            }
        }

        if (name is null && email is null && role is null)
        {
            return member;
        }

        member.Name = name ?? member.Name;
        member.Email = email ?? member.Email;
        member.Role = role ?? member.Role;
        member.ModifiedAt = state.Now;
        state.Webhooks.Emit(new MemberUpdatedWebhookEvent(member, state.Now));
        return member;
    }

    /// <exception cref="EmulatorProblem">422 when deleting the only owner.</exception>
    public static void Delete(EmulatorState state, Member member)
    {
        if (member.Role == MemberRole.Owner && state.Members.OfCustomer(member.CustomerId).Count(m => m.Role == MemberRole.Owner) <= 1)
        {
            throw Problems.Validation(new ValidationIssue("value_error", ["body"], "Cannot delete the only owner. Transfer ownership first.", member.Id));
        }

        Remove(state, member);
    }

    /// <summary>Deletes every member of a customer being deleted, owner included (<c>member.deleted</c> each).</summary>
    public static void DeleteAll(EmulatorState state, string customerId)
    {
        foreach (var member in state.Members.OfCustomer(customerId).ToList())
        {
            Remove(state, member);
        }
    }

    private static void Remove(EmulatorState state, Member member)
    {
        state.Members.Remove(member.Id);
        member.ModifiedAt = state.Now;
        state.Webhooks.Emit(new MemberDeletedWebhookEvent(member, state.Now));
    }

    private static Member Add(EmulatorState state, Customer customer, string email, string? name, string? externalId, MemberRole role, DateTimeOffset createdAt)
    {
        var member = state.Members.Add(new Member
        {
            Id = PolarTokens.NewId(),
            CreatedAt = createdAt,
            CustomerId = customer.Id,
            Email = email,
            Name = name,
            ExternalId = externalId,
            Role = role,
        });
        state.Webhooks.Emit(new MemberCreatedWebhookEvent(member, state.Now));
        return member;
    }
}

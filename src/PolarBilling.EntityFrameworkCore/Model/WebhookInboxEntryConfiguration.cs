using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Inbox;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class WebhookInboxEntryConfiguration : IEntityTypeConfiguration<WebhookInboxEntry>
{
    public void Configure(EntityTypeBuilder<WebhookInboxEntry> builder)
    {
        builder.ToTable(BillingTables.WebhookEvents);
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedOnAdd();
        builder.Property(e => e.WebhookId).HasMaxLength(255);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Status).HasConversion<int>();
        builder.HasIndex(e => e.WebhookId).IsUnique().HasDatabaseName("ux_billing_webhook_events_webhook_id");

        // The dispatcher's claim: pending rows due now, in arrival order.
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt, e.Sequence }).HasDatabaseName("ix_billing_webhook_events_due");
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PolarBilling.Notifications;

namespace PolarBilling.EntityFrameworkCore;

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<BillingNotification>
{
    public void Configure(EntityTypeBuilder<BillingNotification> builder)
    {
        builder.ToTable(BillingTables.Notifications);
        builder.HasKey(n => n.Key);
        builder.Property(n => n.Key).HasMaxLength(400);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(n => n.Status).HasConversion<int>();
        builder.Property(n => n.SourceEventId).HasMaxLength(255);
        builder.Property(n => n.CustomerId).HasMaxLength(64);
        builder.Property(n => n.UserId).HasMaxLength(255);
        builder.Property(n => n.SubjectId).HasMaxLength(64);
        builder.Property(n => n.ProductId).HasMaxLength(64);
        builder.Property(n => n.PreviousProductId).HasMaxLength(64);
        builder.Property(n => n.Currency).HasMaxLength(3);
        builder.Property(n => n.Meter).HasMaxLength(64);
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt }).HasDatabaseName("ix_billing_notifications_due");
    }
}

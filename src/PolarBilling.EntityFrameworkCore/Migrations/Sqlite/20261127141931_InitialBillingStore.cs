using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PolarBilling.EntityFrameworkCore.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialBillingStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "billing_benefit_grants",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    benefit_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    benefit_type = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    subscription_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    order_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    is_granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    granted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    is_revoked = table.Column<bool>(type: "INTEGER", nullable: false),
                    revoked_at = table.Column<long>(type: "INTEGER", nullable: true),
                    polar_modified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    event_timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_benefit_grants", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_customers",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    name = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    deleted_at = table.Column<long>(type: "INTEGER", nullable: true),
                    polar_modified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    event_timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_customers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_notifications",
                columns: table => new
                {
                    key = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    source_event_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    user_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    subject_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    previous_product_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    amount = table.Column<long>(type: "INTEGER", nullable: true),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    occurred_at = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    delivered_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_notifications", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "billing_orders",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    subscription_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    billing_reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subtotal_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    discount_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    tax_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    total_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    refunded_amount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    paid = table.Column<bool>(type: "INTEGER", nullable: false),
                    paid_at = table.Column<long>(type: "INTEGER", nullable: true),
                    invoice_number = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    polar_modified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    event_timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_orders", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_subscriptions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    customer_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    product_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    plan_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    recurring_interval = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    recurring_interval_count = table.Column<int>(type: "INTEGER", nullable: false),
                    current_period_start = table.Column<long>(type: "INTEGER", nullable: true),
                    current_period_end = table.Column<long>(type: "INTEGER", nullable: true),
                    trial_start = table.Column<long>(type: "INTEGER", nullable: true),
                    trial_end = table.Column<long>(type: "INTEGER", nullable: true),
                    cancel_at_period_end = table.Column<bool>(type: "INTEGER", nullable: false),
                    canceled_at = table.Column<long>(type: "INTEGER", nullable: true),
                    started_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ends_at = table.Column<long>(type: "INTEGER", nullable: true),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    past_due_at = table.Column<long>(type: "INTEGER", nullable: true),
                    polar_modified_at = table.Column<long>(type: "INTEGER", nullable: true),
                    event_timestamp = table.Column<long>(type: "INTEGER", nullable: true),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false),
                    row_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_subscriptions", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "billing_webhook_events",
                columns: table => new
                {
                    sequence = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    webhook_id = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    payload = table.Column<string>(type: "TEXT", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<long>(type: "INTEGER", nullable: false),
                    processed_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_webhook_events", x => x.sequence);
                });

            migrationBuilder.CreateIndex(
                name: "ix_billing_benefit_grants_customer_id_is_granted",
                table: "billing_benefit_grants",
                columns: new[] { "customer_id", "is_granted" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_customers_user_id",
                table: "billing_customers",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_notifications_due",
                table: "billing_notifications",
                columns: new[] { "status", "next_attempt_at" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_orders_customer_id",
                table: "billing_orders",
                column: "customer_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_orders_subscription_id",
                table: "billing_orders",
                column: "subscription_id");

            migrationBuilder.CreateIndex(
                name: "ix_billing_subscriptions_customer_id_status",
                table: "billing_subscriptions",
                columns: new[] { "customer_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_webhook_events_due",
                table: "billing_webhook_events",
                columns: new[] { "status", "next_attempt_at", "sequence" });

            migrationBuilder.CreateIndex(
                name: "ux_billing_webhook_events_webhook_id",
                table: "billing_webhook_events",
                column: "webhook_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_benefit_grants");

            migrationBuilder.DropTable(
                name: "billing_customers");

            migrationBuilder.DropTable(
                name: "billing_notifications");

            migrationBuilder.DropTable(
                name: "billing_orders");

            migrationBuilder.DropTable(
                name: "billing_subscriptions");

            migrationBuilder.DropTable(
                name: "billing_webhook_events");
        }
    }
}

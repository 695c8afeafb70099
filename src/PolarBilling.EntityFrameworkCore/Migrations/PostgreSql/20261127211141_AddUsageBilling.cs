using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace PolarBilling.EntityFrameworkCore.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddUsageBilling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "included",
                table: "billing_notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "meter",
                table: "billing_notifications",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "quantity",
                table: "billing_notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "threshold",
                table: "billing_notifications",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "billing_usage_alerts",
                columns: table => new
                {
                    user_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    meter = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    threshold = table.Column<int>(type: "integer", nullable: false),
                    quantity = table.Column<long>(type: "bigint", nullable: false),
                    included = table.Column<long>(type: "bigint", nullable: false),
                    fired_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_usage_alerts", x => new { x.user_id, x.meter, x.period_start, x.threshold });
                });

            migrationBuilder.CreateTable(
                name: "billing_usage_windows",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    meter = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    window_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    window_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    part = table.Column<int>(type: "integer", nullable: false),
                    period_start = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    period_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    quantity = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    external_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    sync_attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    sealed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    synced_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_billing_usage_windows", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_billing_usage_windows_period",
                table: "billing_usage_windows",
                columns: new[] { "user_id", "period_start" });

            migrationBuilder.CreateIndex(
                name: "ix_billing_usage_windows_sync",
                table: "billing_usage_windows",
                columns: new[] { "status", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_billing_usage_windows_external_id",
                table: "billing_usage_windows",
                column: "external_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_billing_usage_windows_window",
                table: "billing_usage_windows",
                columns: new[] { "user_id", "meter", "window_start", "part" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "billing_usage_alerts");

            migrationBuilder.DropTable(
                name: "billing_usage_windows");

            migrationBuilder.DropColumn(
                name: "included",
                table: "billing_notifications");

            migrationBuilder.DropColumn(
                name: "meter",
                table: "billing_notifications");

            migrationBuilder.DropColumn(
                name: "quantity",
                table: "billing_notifications");

            migrationBuilder.DropColumn(
                name: "threshold",
                table: "billing_notifications");
        }
    }
}

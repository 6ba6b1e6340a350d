using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Ingestion.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "ingestion");

            migrationBuilder.CreateTable(
                name: "organization_upload_quotas",
                schema: "ingestion",
                columns: table => new
                {
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    max_bytes = table.Column<long>(type: "bigint", nullable: true),
                    max_concurrent_uploads = table.Column<int>(type: "integer", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organization_upload_quotas", x => x.organization_id);
                    table.CheckConstraint("ck_organization_upload_quotas_limits", "(max_bytes IS NULL OR max_bytes >= 0) AND (max_concurrent_uploads IS NULL OR max_concurrent_uploads >= 0)");
                });

            migrationBuilder.CreateTable(
                name: "uploads",
                schema: "ingestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    file_name = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    media_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: true),
                    block_size = table.Column<long>(type: "bigint", nullable: false),
                    blob_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    lease_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    blob_etag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_uploads", x => x.id);
                    table.CheckConstraint("ck_uploads_size", "size > 0 AND block_size > 0");
                    table.CheckConstraint("ck_uploads_status", "status IN ('open', 'completed', 'aborted', 'expired', 'consumed')");
                });

            migrationBuilder.CreateIndex(
                name: "IX_uploads_blob_name",
                schema: "ingestion",
                table: "uploads",
                column: "blob_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_uploads_open_expiry",
                schema: "ingestion",
                table: "uploads",
                column: "expires_at",
                filter: "status = 'open'");

            migrationBuilder.CreateIndex(
                name: "ix_uploads_organization_status",
                schema: "ingestion",
                table: "uploads",
                columns: new[] { "organization_id", "status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organization_upload_quotas",
                schema: "ingestion");

            migrationBuilder.DropTable(
                name: "uploads",
                schema: "ingestion");
        }
    }
}

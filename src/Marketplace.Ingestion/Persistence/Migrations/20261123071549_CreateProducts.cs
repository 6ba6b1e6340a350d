using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Ingestion.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateProducts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "products",
                schema: "ingestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collection_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    previous_version_id = table.Column<Guid>(type: "uuid", nullable: true),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_by_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    submitted_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    draft = table.Column<string>(type: "jsonb", nullable: false),
                    offers = table.Column<string>(type: "jsonb", nullable: false),
                    item = table.Column<string>(type: "jsonb", nullable: true),
                    grade = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    grade_reasons = table.Column<string>(type: "jsonb", nullable: true),
                    certification_report = table.Column<string>(type: "text", nullable: true),
                    certification_jws = table.Column<string>(type: "text", nullable: true),
                    rejection_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.id);
                    table.CheckConstraint("ck_products_version", "version >= 1");
                });

            migrationBuilder.CreateTable(
                name: "pipeline_steps",
                schema: "ingestion",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    finished_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    progress = table.Column<double>(type: "double precision", nullable: false),
                    findings = table.Column<string>(type: "jsonb", nullable: false),
                    output = table.Column<string>(type: "jsonb", nullable: false),
                    error = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pipeline_steps", x => new { x.product_id, x.name });
                    table.ForeignKey(
                        name: "FK_pipeline_steps_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "ingestion",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "product_assets",
                schema: "ingestion",
                columns: table => new
                {
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    roles = table.Column<string[]>(type: "text[]", nullable: false),
                    media_type = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    upload_id = table.Column<Guid>(type: "uuid", nullable: true),
                    derived_from = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    blob_name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    blob_etag = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    in_staging = table.Column<bool>(type: "boolean", nullable: false),
                    declared_sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    size = table.Column<long>(type: "bigint", nullable: true),
                    detected_format = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    time_series = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_product_assets", x => new { x.product_id, x.key });
                    table.ForeignKey(
                        name: "FK_product_assets_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "ingestion",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_product_assets_upload",
                schema: "ingestion",
                table: "product_assets",
                column: "upload_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_products_organization",
                schema: "ingestion",
                table: "products",
                columns: new[] { "organization_id", "submitted_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ux_products_item_version",
                schema: "ingestion",
                table: "products",
                columns: new[] { "collection_id", "item_id", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pipeline_steps",
                schema: "ingestion");

            migrationBuilder.DropTable(
                name: "product_assets",
                schema: "ingestion");

            migrationBuilder.DropTable(
                name: "products",
                schema: "ingestion");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Ingestion.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddClassificationPoliciesReviewsAndDerivatives : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "derived_from_id",
                schema: "ingestion",
                table: "products",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "policy_grade",
                schema: "ingestion",
                table: "products",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "policy_version",
                schema: "ingestion",
                table: "products",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "regrade_at",
                schema: "ingestion",
                table: "products",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "classification_policies",
                schema: "ingestion",
                columns: table => new
                {
                    number = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    document = table.Column<string>(type: "text", nullable: false),
                    sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    installed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    installed_by_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    installed_by_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_classification_policies", x => x.number);
                });

            migrationBuilder.CreateTable(
                name: "reviews",
                schema: "ingestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    product_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    collection_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    item_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    grade = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    policy_grade = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    policy_version = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    reasons = table.Column<string>(type: "jsonb", nullable: false),
                    approvals_required = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    opened_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_because = table.Column<string>(type: "text", nullable: true),
                    grade_set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviews", x => x.id);
                    table.CheckConstraint("ck_reviews_approvals", "approvals_required BETWEEN 1 AND 2");
                    table.ForeignKey(
                        name: "FK_reviews_products_product_id",
                        column: x => x.product_id,
                        principalSchema: "ingestion",
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "review_decisions",
                schema: "ingestion",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    review_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reviewer_subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    reviewer_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    reviewer_organization_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    grade = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    comment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_review_decisions", x => x.id);
                    table.CheckConstraint("ck_review_decisions_comment", "length(btrim(comment)) > 0");
                    table.ForeignKey(
                        name: "FK_review_decisions_reviews_review_id",
                        column: x => x.review_id,
                        principalSchema: "ingestion",
                        principalTable: "reviews",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ux_classification_policies_version",
                schema: "ingestion",
                table: "classification_policies",
                column: "version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_review_decisions_review",
                schema: "ingestion",
                table: "review_decisions",
                column: "review_id");

            migrationBuilder.CreateIndex(
                name: "ix_reviews_state_opened",
                schema: "ingestion",
                table: "reviews",
                columns: new[] { "state", "opened_at" });

            migrationBuilder.CreateIndex(
                name: "ux_reviews_open_product",
                schema: "ingestion",
                table: "reviews",
                column: "product_id",
                unique: true,
                filter: "state = 'Open'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "classification_policies",
                schema: "ingestion");

            migrationBuilder.DropTable(
                name: "review_decisions",
                schema: "ingestion");

            migrationBuilder.DropTable(
                name: "reviews",
                schema: "ingestion");

            migrationBuilder.DropColumn(
                name: "derived_from_id",
                schema: "ingestion",
                table: "products");

            migrationBuilder.DropColumn(
                name: "policy_grade",
                schema: "ingestion",
                table: "products");

            migrationBuilder.DropColumn(
                name: "policy_version",
                schema: "ingestion",
                table: "products");

            migrationBuilder.DropColumn(
                name: "regrade_at",
                schema: "ingestion",
                table: "products");
        }
    }
}

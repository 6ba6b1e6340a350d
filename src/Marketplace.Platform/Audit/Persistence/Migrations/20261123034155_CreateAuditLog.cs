using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Marketplace.Platform.Audit.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateAuditLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "audit");

            migrationBuilder.CreateTable(
                name: "entries",
                schema: "audit",
                columns: table => new
                {
                    leaf_index = table.Column<long>(type: "bigint", nullable: false),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organizations = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entry = table.Column<byte[]>(type: "bytea", nullable: false),
                    leaf_hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_entries", x => x.leaf_index);
                });

            migrationBuilder.CreateTable(
                name: "pending",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    action = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    organizations = table.Column<Guid[]>(type: "uuid[]", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    entry = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pending", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "subtrees",
                schema: "audit",
                columns: table => new
                {
                    level = table.Column<short>(type: "smallint", nullable: false),
                    idx = table.Column<long>(type: "bigint", nullable: false),
                    hash = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_subtrees", x => new { x.level, x.idx });
                });

            migrationBuilder.CreateTable(
                name: "tree_heads",
                schema: "audit",
                columns: table => new
                {
                    tree_size = table.Column<long>(type: "bigint", nullable: false),
                    root_hash = table.Column<byte[]>(type: "bytea", nullable: false),
                    timestamp = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    key_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    jws = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tree_heads", x => x.tree_size);
                });

            migrationBuilder.CreateTable(
                name: "tree_state",
                schema: "audit",
                columns: table => new
                {
                    id = table.Column<short>(type: "smallint", nullable: false),
                    size = table.Column<long>(type: "bigint", nullable: false),
                    root = table.Column<byte[]>(type: "bytea", nullable: false),
                    frontier = table.Column<byte[]>(type: "bytea", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_tree_state", x => x.id);
                    table.CheckConstraint("ck_tree_state_single_row", "id = 1");
                });

            migrationBuilder.InsertData(
                schema: "audit",
                table: "tree_state",
                columns: new[] { "id", "frontier", "root", "size", "updated_at" },
                values: new object[] { (short)1, new byte[0], new byte[] { 227, 176, 196, 66, 152, 252, 28, 20, 154, 251, 244, 200, 153, 111, 185, 36, 39, 174, 65, 228, 100, 155, 147, 76, 164, 149, 153, 27, 120, 82, 184, 85 }, 0L, new DateTimeOffset(new DateTime(1970, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

            migrationBuilder.CreateIndex(
                name: "IX_entries_organizations",
                schema: "audit",
                table: "entries",
                column: "organizations")
                .Annotation("Npgsql:IndexMethod", "gin");

            // The log is append-only for everyone who does not deliberately disable triggers (a superuser can, and
            // the verifier then catches the change): no update, delete or truncate of entries, subtrees or heads.
            migrationBuilder.Sql("""
                CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'the audit log is append-only: % on %.% is refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
                        USING ERRCODE = 'insufficient_privilege';
                END $$;
                """);
            foreach (var table in new[] { "entries", "subtrees", "tree_heads" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON audit.{table} FOR EACH ROW EXECUTE FUNCTION audit.refuse_change();");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON audit.{table} FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change();");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "entries", "subtrees", "tree_heads" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_append_only ON audit.{table}; DROP TRIGGER IF EXISTS {table}_no_truncate ON audit.{table};");
            }
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS audit.refuse_change();");

            migrationBuilder.DropTable(
                name: "entries",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "pending",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "subtrees",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "tree_heads",
                schema: "audit");

            migrationBuilder.DropTable(
                name: "tree_state",
                schema: "audit");
        }
    }
}

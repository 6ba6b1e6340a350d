using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;

#nullable disable

namespace Marketplace.Catalog.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CreateCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "catalog");

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:postgis", ",,");

            migrationBuilder.CreateTable(
                name: "collections",
                schema: "catalog",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    document = table.Column<string>(type: "jsonb", nullable: false),
                    provider_organization = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_collections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "items",
                schema: "catalog",
                columns: table => new
                {
                    collection_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    geometry = table.Column<Geometry>(type: "geometry(Geometry, 4326)", nullable: false),
                    datetime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    start_datetime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    end_datetime = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    properties = table.Column<string>(type: "jsonb", nullable: false),
                    assets = table.Column<string>(type: "jsonb", nullable: false),
                    stac_extensions = table.Column<string[]>(type: "text[]", nullable: false),
                    grade = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    published = table.Column<bool>(type: "boolean", nullable: false),
                    provider_organization = table.Column<Guid>(type: "uuid", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_items", x => new { x.collection_id, x.id });
                    table.ForeignKey(
                        name: "FK_items_collections_collection_id",
                        column: x => x.collection_id,
                        principalSchema: "catalog",
                        principalTable: "collections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_items_collection_id_start_datetime",
                schema: "catalog",
                table: "items",
                columns: new[] { "collection_id", "start_datetime" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "IX_items_end_datetime",
                schema: "catalog",
                table: "items",
                column: "end_datetime");

            migrationBuilder.CreateIndex(
                name: "IX_items_geometry",
                schema: "catalog",
                table: "items",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_items_keyset",
                schema: "catalog",
                table: "items",
                columns: new[] { "start_datetime", "collection_id", "id" },
                descending: new[] { true, false, false });

            // Free text over title, description, platform and keywords; expression indexes for the declared
            // numeric and string queryables, so filters on them never scan the table.
            migrationBuilder.Sql("""
                ALTER TABLE catalog.items ADD COLUMN search tsvector GENERATED ALWAYS AS (
                    to_tsvector('simple',
                        coalesce(properties->>'title', '') || ' ' || coalesce(properties->>'description', '') || ' ' ||
                        coalesce(properties->>'platform', '') || ' ' || coalesce((properties->'keywords')::text, ''))) STORED;
                CREATE INDEX ix_items_search ON catalog.items USING gin (search);
                CREATE INDEX ix_items_cloud_cover ON catalog.items (((properties->>'eo:cloud_cover')::double precision));
                CREATE INDEX ix_items_gsd ON catalog.items (((properties->>'gsd')::double precision));
                CREATE INDEX ix_items_off_nadir ON catalog.items (((properties->>'view:off_nadir')::double precision));
                CREATE INDEX ix_items_platform ON catalog.items ((properties->>'platform'));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "items",
                schema: "catalog");

            migrationBuilder.DropTable(
                name: "collections",
                schema: "catalog");
        }
    }
}

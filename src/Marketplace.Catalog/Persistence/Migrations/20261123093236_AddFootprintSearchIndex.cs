using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Marketplace.Catalog.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AddFootprintSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_items_geometry",
                schema: "catalog",
                table: "items");

            // One GiST index that answers the common search shapes in the index itself: footprint, acquisition period,
            // collection (an equality) and cloud cover are all index conditions, so only matching rows are read from
            // the table (a footprint-only index sends every footprint in the area, of any date, to the heap).
            // btree_gist is a trusted extension: the database owner may create it.
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS btree_gist;
                CREATE INDEX ix_items_footprint ON catalog.items USING gist
                    (geometry, start_datetime, end_datetime, collection_id, ((properties->>'eo:cloud_cover')::double precision));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX catalog.ix_items_footprint;");

            migrationBuilder.CreateIndex(
                name: "IX_items_geometry",
                schema: "catalog",
                table: "items",
                column: "geometry")
                .Annotation("Npgsql:IndexMethod", "gist");
        }
    }
}

# syntax=docker/dockerfile:1
# Marketplace API/worker image. Build from the repository root:
#   docker build -t marketplace:local .
# The same image runs every role: Hosting__Roles selects api, worker or both,
# and the commands `migrate` and `seed-demo` run instead of serving.

# ---- build ----------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Build settings (SDK pin, shared properties, central package versions, code
# style rules enforced at build time), then the sources.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/

ENV NUGET_PACKAGES=/nuget/packages
RUN --mount=type=cache,id=nuget,target=/nuget/packages \
    dotnet publish src/Marketplace.Api/Marketplace.Api.csproj \
      -c Release -o /app -p:UseAppHost=false

# ---- runtime --------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# GDAL command-line tools (gdalinfo, gdal_translate) and the Python GDAL
# utilities that contain the Cloud Optimized GeoTIFF validator; the app calls
# them as subprocesses.
RUN apt-get update \
 && apt-get install -y --no-install-recommends gdal-bin python3-gdal \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./
# The marketplace's own STAC extension schema: collections and items are
# validated (StacSchemas__Enabled) against it (StacSchemas__Folders__0__*) and
# against the STAC core and extension schemas they declare. Those
# schemas are not in the image: mount a copy laid out by canonical URL and set
# StacSchemas__Root to it, or allow fetching them (StacSchemas__AllowFetch).
COPY catalog-schemas/ ./catalog-schemas/

# GDAL_PAM_ENABLED=NO: gdalinfo -stats must not write .aux.xml sidecars.
ENV ASPNETCORE_URLS=http://+:8080 \
    GDAL_PAM_ENABLED=NO \
    StacSchemas__Enabled=true \
    StacSchemas__Folders__0__BaseUrl=https://satellite-marketplace.example/stac/ \
    StacSchemas__Folders__0__Path=/app/catalog-schemas
EXPOSE 8080

# Non-root user that ships with the .NET images (user "app", uid 1654). The
# numeric form lets Kubernetes verify runAsNonRoot.
USER 1654

# No HEALTHCHECK: the runtime image has no curl; orchestrators probe
# /healthz (liveness) and /readyz (readiness) over HTTP instead.
ENTRYPOINT ["dotnet", "Marketplace.Api.dll"]

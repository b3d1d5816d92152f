"""The OpenAPI 3.1 document served at /openapi.json, built from the same parameter table the API validates
with (`frontwire.web.params`), so the two cannot drift apart."""

from __future__ import annotations

from typing import Any

from frontwire.web.params import (
    FILTER_PARAMS,
    LIST_PARAMS,
    MAX_FATALITIES,
    MAX_LIMIT,
    MAX_MAP_LIMIT,
    MAX_TABLE_ROWS,
    MAX_ZOOM,
    PAGE_PARAMS,
    PLACE_PARAMS,
    SORT_PARAM,
    Param,
)

_ERROR = {
    "description": "invalid parameter",
    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
}


def _schema(p: Param) -> dict[str, Any]:
    if p.kind == "date":
        return {"type": "string", "format": "date"}
    if p.kind == "int":
        return {"type": "integer", "minimum": 0 if p.name == "offset" else 1, "maximum": MAX_LIMIT}
    if p.kind in ("grade", "sort"):
        return {"type": "string", "enum": list(p.enum)}
    if p.kind == "bool":
        return {"type": "boolean"}
    if p.kind == "count":
        return {"type": "integer", "minimum": 0, "maximum": MAX_FATALITIES}
    if p.kind == "zoom":
        return {"type": "integer", "minimum": 0, "maximum": MAX_ZOOM}
    if p.kind == "table_limit":
        return {"type": "integer", "minimum": 1, "maximum": MAX_TABLE_ROWS}
    if p.kind == "bbox":
        return {"type": "string", "pattern": r"^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$"}
    return {"type": "string", "maxLength": 200}


def _params(ps: tuple[Param, ...]) -> list[dict[str, Any]]:
    return [{"name": p.name, "in": "query", "description": p.description, "schema": _schema(p)} for p in ps]


def _get(
    summary: str,
    ps: tuple[Param, ...],
    media: str = "application/json",
    path_id: str = "",
    schema: dict[str, Any] | None = None,
) -> dict:
    content = {media: {"schema": schema} if schema else {}}
    op: dict[str, Any] = {
        "summary": summary,
        "parameters": _params(ps),
        "responses": {"200": {"description": "OK", "content": content}, "400": _ERROR},
    }
    if path_id:
        op["parameters"].append(
            {"name": path_id, "in": "path", "required": True, "schema": {"type": "string"}}
        )
        op["responses"]["404"] = {"description": "not found"}
    return {"get": op}


def document(writable: bool) -> dict[str, Any]:
    """The OpenAPI document; the write endpoint appears only when the server accepts writes."""
    listed = LIST_PARAMS
    map_limit = Param("limit", "int", f"at most this many features, 1-{MAX_MAP_LIMIT}")
    table = FILTER_PARAMS + (
        Param("limit", "table_limit", "at most this many rows (default: every matching row)"),
        PAGE_PARAMS[1],
        SORT_PARAM,
    )
    page = {"$ref": "#/components/schemas/Page"}
    paths: dict[str, Any] = {
        "/api/events": _get(
            "Event mentions with article, outlet and incident; paged, with the total count",
            listed,
            schema=page,
        ),
        "/api/incidents": _get(
            "Incidents with corroboration grades; paged, with the total count", listed, schema=page
        ),
        "/api/events.csv": _get(
            "Every matching event as CSV (streamed; same filters and sort)", table, "text/csv"
        ),
        "/api/events.geojson": _get(
            "Every matching event as a GeoJSON FeatureCollection (streamed)", table, "application/geo+json"
        ),
        "/api/incidents.csv": _get(
            "Every matching incident as CSV (streamed; same filters and sort)", table, "text/csv"
        ),
        "/api/incidents.geojson": _get(
            "Every matching incident as a GeoJSON FeatureCollection (streamed)", table, "application/geo+json"
        ),
        "/api/incidents/{incident_id}": _get(
            "One incident with its sources: events, articles, outlets with affiliation labels, evidence",
            (),
            path_id="incident_id",
        ),
        "/api/articles/{article_id}": _get(
            "One article with its comments and events", (), path_id="article_id"
        ),
        "/api/outlets": _get("Outlets with affiliation labels and the sources that apply them", ()),
        "/api/facets": _get(
            "Counts of the matching incidents by type, country, grade, actor and outlet", FILTER_PARAMS
        ),
        "/api/stats": _get("Counts of pages, events and incidents", ()),
        "/api/config": _get("Map settings of this server", ()),
        "/api/map.geojson": _get(
            "Located incidents as a GeoJSON FeatureCollection for map layers",
            FILTER_PARAMS + (map_limit,),
            "application/geo+json",
        ),
        "/api/places.geojson": _get(
            "Names of the gazetteer's larger places in a map view (the offline label layer)",
            PLACE_PARAMS,
            "application/geo+json",
        ),
        "/api/export.csv": _get("Incidents in ACLED's CSV columns (streamed)", FILTER_PARAMS, "text/csv"),
        "/api/export.geojson": _get(
            "Incidents as GeoJSON (ACLED columns)", FILTER_PARAMS, "application/geo+json"
        ),
    }
    from frontwire.web.stream import OPENAPI_PATHS

    paths.update(OPENAPI_PATHS)  # /api/stream and /api/sources (frontwire watch)
    if writable:
        paths["/api/pages"] = {
            "post": {
                "summary": "Run one page through the pipeline and store it",
                "security": [{"bearer": []}],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/PageIn"}}},
                },
                "responses": {
                    "201": {"description": "stored (new or superseding)"},
                    "200": {"description": "already stored, unchanged"},
                    "400": _ERROR,
                    "401": {"description": "no bearer token"},
                    "403": {"description": "wrong token"},
                    "413": {"description": "page too large"},
                },
            }
        }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "frontwire",
            "version": "1",
            "description": "Geocoded, source-aware conflict events.",
        },
        "paths": paths,
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}, "param": {"type": ["string", "null"]}},
                },
                "Page": {
                    "type": "object",
                    "properties": {
                        "items": {"type": "array", "items": {"type": "object"}},
                        "total": {"type": "integer", "description": "rows matching the filters, all pages"},
                        "limit": {"type": "integer"},
                        "offset": {"type": "integer"},
                        "sort": {"type": "string"},
                        "next": {"type": ["string", "null"], "description": "URL of the next page"},
                    },
                },
                "PageIn": {
                    "type": "object",
                    "required": ["content"],
                    "properties": {
                        "content": {"type": "string"},
                        "kind": {"type": "string", "enum": ["text", "html"], "default": "text"},
                        "url": {"type": "string", "format": "uri"},
                        "published": {"type": "string", "format": "date"},
                    },
                },
            },
        },
    }

// The map: offline country outlines (Natural Earth via world-atlas), an optional online tile layer,
// and incidents as clustered markers coloured by event type and sized by fatalities.
/* global L */
import { fixCollection } from "./basemap.js";
import { el } from "./dom.js";
import { PlaceLabels } from "./labels.js";
import { TYPES, gradeClass, sizeOf, typeClass } from "./style.js";

// Markers closer than this many pixels merge into a cluster (Leaflet.markercluster's default is 80;
// smaller keeps towns 30-50 km apart separate at the zoom that shows one country).
const CLUSTER_RADIUS_PX = 40;
// From this zoom on (about a city), only markers at the very same point still cluster: a click on such a
// cluster opens the picker, so every incident stacked there can be reached.
const NO_CLUSTER_ZOOM = 10;
const SAME_POINT_RADIUS_PX = 1;
// Room kept free around the markers of a clicked cluster: the legend sits top right.
const FIT_PADDING_TL = [40, 40];
const FIT_PADDING_BR = [40, 40];
const LEGEND_PADDING_PX = 190;
// The zoom an incident opened from a link is shown at (a district), unless the map is closer already.
const FOCUS_ZOOM = 9;
// Narrower than this (a phone), the legend starts folded.
const NARROW_PX = 700;

function samePoint(markers) {
  const a = markers[0].getLatLng();
  return markers.every((m) => m.getLatLng().equals(a));
}

export class IncidentMap {
  constructor(container, config, onSelect, onPick) {
    this.onSelect = onSelect;
    this.onPick = onPick;
    this.features = new Map();
    this.map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 14 });
    this.map.attributionControl.setPrefix("");
    this.map.setView([30, 30], 3);
    if (config.tiles) {
      L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "", maxZoom: 18 }).addTo(this.map);
    }
    this.map.attributionControl.addAttribution("Country outlines: Natural Earth");
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: (zoom) => (zoom >= NO_CLUSTER_ZOOM ? SAME_POINT_RADIUS_PX : CLUSTER_RADIUS_PX),
      chunkedLoading: true,
      showCoverageOnHover: false,
      zoomToBoundsOnClick: false,
      spiderfyOnMaxZoom: false,
      iconCreateFunction: (cluster) => clusterIcon(cluster),
    });
    this.cluster.on("clusterclick", (e) => this.clusterClick(e.layer));
    this.cluster.addTo(this.map);
    this.markers = new Map();
    this.legend().addTo(this.map);
    this.labels = new PlaceLabels(this.map);
    this.selected = null;
  }

  fitPadding() {
    const legend = this.map.getContainer().querySelector(".fw-legend[open]");
    const right = legend ? Math.min(LEGEND_PADDING_PX, legend.offsetWidth + 20) : FIT_PADDING_BR[0];
    return { paddingTopLeft: FIT_PADDING_TL, paddingBottomRight: [right, FIT_PADDING_BR[1]] };
  }

  // Zoom to a cluster's markers with room around them, or list them when zooming cannot split them.
  clusterClick(cluster) {
    const markers = cluster.getAllChildMarkers();
    const bounds = cluster.getBounds();
    const padding = this.fitPadding();
    const zoom = this.map.getBoundsZoom(bounds, false, L.point(padding.paddingTopLeft).add(padding.paddingBottomRight));
    if (samePoint(markers) || zoom <= this.map.getZoom()) {
      this.onPick(markers.map((m) => this.features.get(m.incidentId)).filter(Boolean));
      return;
    }
    this.map.fitBounds(bounds, { ...padding, maxZoom: Math.max(zoom, this.map.getZoom() + 1) });
  }

  // Bring one incident into view (for a link to it): zoom to its place and mark its marker.
  focus(id) {
    const feature = this.features.get(id);
    if (!feature) return false;
    const [lon, lat] = feature.geometry.coordinates;
    this.map.setView([lat, lon], Math.max(this.map.getZoom(), FOCUS_ZOOM));
    return true;
  }

  async loadBasemap(url, withTiles) {
    const response = await fetch(url);
    const data = fixCollection(await response.json());
    const layer = L.geoJSON(data, {
      interactive: false,
      style: () => ({ className: withTiles ? "fw-country fw-country-over-tiles" : "fw-country" }),
      onEachFeature: (feature, shape) => {
        shape.on("add", () => shape.getElement()?.setAttribute("data-country", feature.properties.name));
      },
    });
    layer.addTo(this.map);
    layer.bringToBack();
  }

  marker(feature) {
    let marker = this.markers.get(feature.id);
    if (marker) return marker;
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const [px, sizeClass] = sizeOf(p.fatalities);
    const dot = el("span", {
      class: `fw-dot ${typeClass(p.event_type)} ${sizeClass}`,
      dataset: { id: feature.id, lat, lon },
    });
    const icon = L.divIcon({ html: dot, className: "fw-marker", iconSize: [px, px] });
    const label = [p.event_type, p.location, p.event_date].filter(Boolean).join(" · ");
    marker = L.marker([lat, lon], { icon, title: label, alt: label, keyboard: true, riseOnHover: true });
    marker.incidentId = feature.id;
    marker.on("click", () => this.onSelect(feature.id));
    this.markers.set(feature.id, marker);
    return marker;
  }

  show(features) {
    for (const f of features) this.features.set(f.id, f);
    this.cluster.clearLayers();
    this.cluster.addLayers(features.map((f) => this.marker(f)));
  }

  fit(features) {
    if (!features.length) return;
    const bounds = L.latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    this.map.fitBounds(bounds, { maxZoom: 8, ...this.fitPadding() });
  }

  forget() {
    this.markers = new Map();
  }

  legend() {
    const control = L.control({ position: "topright" });
    control.onAdd = () => {
      const wide = window.innerWidth >= NARROW_PX;
      const box = el("details", { class: "fw-legend", open: wide ? "" : null }, el("summary", {}, "Event type"));
      for (const [name, cls] of TYPES) box.append(el("div", {}, el("span", { class: `fw-swatch ${cls}` }), name));
      box.append(el("div", {}, el("span", { class: "fw-swatch t-other" }), "Other"));
      box.append(el("div", { class: "fw-legend-note" }, "Size: fatalities (0, 1+, 5+, 20+, 100+)"));
      L.DomEvent.disableClickPropagation(box);
      return box;
    };
    return control;
  }
}

// A cluster names its incidents (for assistive tools and tests) when there are few enough to list.
const CLUSTER_IDS_MAX = 20;

function clusterIcon(cluster) {
  const count = cluster.getChildCount();
  const size = count < 10 ? 28 : count < 100 ? 34 : count < 1000 ? 40 : 48;
  const cls = count < 10 ? "c-small" : count < 100 ? "c-medium" : "c-large";
  const at = cluster.getLatLng();
  const dataset = { count, lat: at.lat, lon: at.lng };
  if (count <= CLUSTER_IDS_MAX) dataset.ids = cluster.getAllChildMarkers().map((m) => m.incidentId).join(" ");
  const html = el("div", { class: `fw-cluster ${cls}`, dataset, title: `${count} incidents` }, el("span", {}, String(count)));
  return L.divIcon({ html, className: "fw-cluster-icon", iconSize: [size, size] });
}

export { gradeClass };

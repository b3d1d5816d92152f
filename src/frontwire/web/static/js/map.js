// The map: offline country outlines (Natural Earth via world-atlas), an optional online tile layer,
// and incidents as clustered markers coloured by event type and sized by fatalities.
/* global L */
import { el } from "./dom.js";
import { TYPES, gradeClass, sizeOf, typeClass } from "./style.js";

// Markers closer than this many pixels merge into a cluster (Leaflet.markercluster's default is 80;
// smaller keeps towns 30-50 km apart separate at the zoom that shows one country).
const CLUSTER_RADIUS_PX = 40;
// From this zoom on (about a city), every incident gets its own marker.
const NO_CLUSTER_ZOOM = 10;

export class IncidentMap {
  constructor(container, config, onSelect) {
    this.onSelect = onSelect;
    this.map = L.map(container, { worldCopyJump: true, minZoom: 2, maxZoom: 14 });
    this.map.attributionControl.setPrefix("");
    this.map.setView([30, 30], 3);
    if (config.tiles) {
      L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "", maxZoom: 18 }).addTo(this.map);
    }
    this.map.attributionControl.addAttribution("Country outlines: Natural Earth");
    this.cluster = L.markerClusterGroup({
      maxClusterRadius: CLUSTER_RADIUS_PX,
      disableClusteringAtZoom: NO_CLUSTER_ZOOM,
      chunkedLoading: true,
      showCoverageOnHover: false,
      iconCreateFunction: (cluster) => clusterIcon(cluster),
    });
    this.cluster.addTo(this.map);
    this.markers = new Map();
    this.legend().addTo(this.map);
    this.selected = null;
  }

  async loadBasemap(url, withTiles) {
    const response = await fetch(url);
    const data = await response.json();
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
    this.cluster.clearLayers();
    this.cluster.addLayers(features.map((f) => this.marker(f)));
  }

  fit(features) {
    if (!features.length) return;
    const bounds = L.latLngBounds(features.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    // room on the right for the legend
    this.map.fitBounds(bounds, { maxZoom: 8, paddingTopLeft: [40, 40], paddingBottomRight: [190, 40] });
  }

  forget() {
    this.markers = new Map();
  }

  legend() {
    const control = L.control({ position: "topright" });
    control.onAdd = () => {
      const box = el("div", { class: "fw-legend" }, el("strong", {}, "Event type"));
      for (const [name, cls] of TYPES) box.append(el("div", {}, el("span", { class: `fw-swatch ${cls}` }), name));
      box.append(el("div", {}, el("span", { class: "fw-swatch t-other" }), "Other"));
      box.append(el("div", { class: "fw-legend-note" }, "Size: fatalities (0, 1+, 5+, 20+, 100+)"));
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

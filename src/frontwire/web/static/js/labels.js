// Place labels from the server's offline gazetteer (/api/places.geojson): the larger places of the view,
// more of them the further you zoom in. Names are text nodes; the layer takes no clicks.
/* global L */
import { el } from "./dom.js";

// Wait this long after the map stops moving before asking for labels (one request per pan, not per frame).
const DEBOUNCE_MS = 250;

export class PlaceLabels {
  constructor(map) {
    this.map = map;
    map.createPane("fw-labels");
    map.getPane("fw-labels").classList.add("fw-labels-pane");
    this.layer = L.layerGroup([], { pane: "fw-labels" }).addTo(map);
    this.timer = null;
    this.asked = 0;
    map.on("moveend", () => this.schedule());
  }

  schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), DEBOUNCE_MS);
  }

  async refresh() {
    const b = this.map.getBounds();
    const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
    const bbox = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -90, 90), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -90, 90)];
    if (bbox[0] >= bbox[2] || bbox[1] >= bbox[3]) return;
    const asked = ++this.asked;
    const query = new URLSearchParams({ bbox: bbox.map((v) => v.toFixed(4)).join(","), zoom: String(this.map.getZoom()) });
    let data;
    try {
      const response = await fetch(`/api/places.geojson?${query}`);
      if (!response.ok) return;
      data = await response.json();
    } catch {
      return;
    }
    if (asked !== this.asked) return; // a newer view's labels are on their way
    this.layer.clearLayers();
    for (const f of data.features) {
      const [lon, lat] = f.geometry.coordinates;
      const icon = L.divIcon({ html: el("span", { class: "fw-place" }, f.properties.name), className: "fw-place-icon", iconSize: null });
      this.layer.addLayer(L.marker([lat, lon], { icon, pane: "fw-labels", interactive: false, keyboard: false }));
    }
    document.body.dataset.labels = String(data.features.length);
  }
}

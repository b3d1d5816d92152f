// The map page: load settings and filter choices, draw incidents, filter by form and by timeline brush,
// show an incident's sources on click. Filters live in the URL (?type=…&country=…) so a view can be shared,
// and so does the open incident (?incident=inc-…): that URL opens it.
import { formFilters, getJSON } from "./api.js";
import { showIncident } from "./detail.js";
import { el } from "./dom.js";
import { startLive } from "./live.js";
import { IncidentMap } from "./map.js";
import { showPicker } from "./picker.js";
import { Timeline, dayNumber, isoDay } from "./timeline.js";

const FILTERS = ["q", "type", "actor", "country", "grade", "outlet"];
const INCIDENT_PARAM = "incident";

const state = { features: [], shown: [], range: null, total: 0, truncated: false, incident: null };

// The page's URL: the form's filters and the open incident.
function writeUrl(filters) {
  const params = new URLSearchParams(filters);
  if (state.incident) params.set(INCIDENT_PARAM, state.incident);
  const search = params.toString();
  window.history.replaceState(null, "", search ? `?${search}` : window.location.pathname);
}

// On a phone the panel is under the map: bring it into view when it fills.
const NARROW_PX = 700;

function reveal(panel) {
  if (window.innerWidth < NARROW_PX) panel.scrollIntoView({ block: "start" });
}

async function openIncident(panel, form, id) {
  state.incident = id;
  writeUrl(formFilters(form));
  await showIncident(panel, id);
  reveal(panel);
}

function option(value, text) {
  const node = el("option", {}, text);
  node.value = value;
  return node;
}

function fillFilters(form, facets) {
  for (const name of ["type", "country", "grade"]) {
    const select = form.elements[name];
    for (const f of facets[name]) select.append(option(f.value, `${f.value} (${f.count})`));
  }
  for (const f of facets.outlet) form.elements.outlet.append(option(f.value, `${f.name} — ${f.value}`));
  const list = document.getElementById("actor-list");
  for (const f of facets.actor) list.append(option(f.value, `${f.count}`));
  const params = new URLSearchParams(window.location.search);
  for (const name of FILTERS) if (params.get(name)) form.elements[name].value = params.get(name);
}

function status() {
  const node = document.getElementById("status");
  const undated = state.features.filter((f) => !f.properties.event_date).length;
  const parts = [`${state.shown.length} of ${state.features.length} incidents shown`];
  if (undated && state.range) parts.push(`${undated} undated hidden`);
  const note = document.getElementById("undated");
  note.textContent = undated ? `${undated} undated, not on the timeline` : "";
  note.dataset.count = String(undated);
  if (state.truncated) parts.push("more match: narrow the filters");
  node.textContent = parts.join(" · ");
  node.dataset.shown = String(state.shown.length);
  node.dataset.total = String(state.features.length);
}

function applyBrush(map) {
  const range = state.range;
  state.shown = range
    ? state.features.filter((f) => {
        const d = f.properties.event_date;
        if (!d) return false;
        const n = dayNumber(d);
        return n >= range[0] && n <= range[1];
      })
    : state.features;
  map.show(state.shown);
  const label = document.getElementById("brush-range");
  label.textContent = range ? `${isoDay(range[0])} – ${isoDay(range[1])}` : "";
  if (range) {
    label.dataset.from = isoDay(range[0]);
    label.dataset.to = isoDay(range[1]);
  } else {
    delete label.dataset.from;
    delete label.dataset.to;
  }
  document.getElementById("brush-clear").hidden = !range;
  status();
}

async function load(map, timeline, form) {
  const filters = formFilters(form);
  const search = new URLSearchParams(filters).toString();
  writeUrl(filters);
  document.getElementById("download").href = `/api/export.csv${search ? `?${search}` : ""}`;
  document.getElementById("status").textContent = "loading…";
  const data = await getJSON("/api/map.geojson", filters);
  state.features = data.features;
  state.truncated = data.truncated;
  state.range = null;
  timeline.setData(state.features);
  applyBrush(map);
  map.fit(state.features);
  document.body.dataset.ready = "true";
}

async function main() {
  const form = document.getElementById("filters");
  const panel = document.getElementById("detail");
  const config = await getJSON("/api/config");
  const pick = (id) => openIncident(panel, form, id);
  const map = new IncidentMap("map", config, pick, (features) => {
    showPicker(panel, features, pick);
    reveal(panel);
  });
  const toggle = document.getElementById("filters-toggle");
  toggle.addEventListener("click", () => {
    const open = document.body.classList.toggle("filters-open");
    toggle.setAttribute("aria-expanded", String(open));
  });
  const timeline = new Timeline(document.getElementById("timeline"), (range) => {
    state.range = range;
    applyBrush(map);
  });
  document.getElementById("brush-clear").addEventListener("click", () => timeline.clearBrush());
  const basemap = map.loadBasemap(config.basemap, Boolean(config.tiles));
  fillFilters(form, await getJSON("/api/facets"));
  form.addEventListener("change", () => load(map, timeline, form));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    load(map, timeline, form);
  });
  form.addEventListener("reset", () => setTimeout(() => load(map, timeline, form), 0));
  const linked = new URLSearchParams(window.location.search).get(INCIDENT_PARAM);
  await Promise.all([basemap, load(map, timeline, form)]);
  startLive(map, state, () => applyBrush(map)); // frontwire watch: incidents as they are stored
  if (linked) {
    map.focus(linked);
    await openIncident(panel, form, linked);
  }
}

main().catch((err) => {
  const node = document.getElementById("status");
  node.textContent = `error: ${err.message}`;
  node.classList.add("error");
});

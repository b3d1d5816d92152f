// Live updates from `frontwire watch`: incidents it creates or changes arrive over /api/stream
// (server-sent events) and join the map without a reload, marked as new since the page opened; a
// source-health panel lists what the watcher polls (/api/sources: last poll, last new item, errors).
import { clear, el } from "./dom.js";

// How often the source-health panel is refreshed; sources are polled every few seconds to minutes.
const SOURCES_REFRESH_MS = 10000;

export function startLive(map, state, redraw) {
  const badge = el("span", { id: "live", class: "live", role: "status", dataset: { count: "0" } }, "live: connecting…");
  const panel = el("details", { id: "sources", class: "sources" }, el("summary", {}, "Sources"));
  document.querySelector("header.bar").append(badge, panel);
  const fresh = new Set();
  const stream = new EventSource("/api/stream");
  stream.addEventListener("open", () => {
    badge.dataset.state = "open";
    badge.textContent = liveText(fresh.size);
  });
  stream.addEventListener("error", () => {
    badge.dataset.state = "reconnecting";
    badge.textContent = "live: reconnecting…";
  });
  stream.addEventListener("incident", (event) => {
    const change = JSON.parse(event.data);
    const feature = change.feature;
    if (!feature) return; // an incident without a place has no marker
    feature.properties.live = change.change;
    const at = state.features.findIndex((f) => f.id === feature.id);
    if (at >= 0) state.features[at] = feature;
    else state.features.push(feature);
    map.markers.delete(feature.id); // a changed incident gets a marker drawn from its new state
    const marker = map.marker(feature);
    const dot = marker.options.icon.options.html;
    dot.classList.add("fw-new");
    dot.dataset.live = change.change;
    fresh.add(feature.id);
    badge.dataset.count = String(fresh.size);
    badge.dataset.last = feature.id;
    badge.textContent = liveText(fresh.size);
    redraw();
  });
  refreshSources(panel);
  setInterval(() => refreshSources(panel), SOURCES_REFRESH_MS);
}

function liveText(n) {
  return n ? `live · ${n} new since opened` : "live";
}

async function refreshSources(panel) {
  const response = await fetch("/api/sources", { headers: { accept: "application/json" } });
  if (!response.ok) return;
  const { sources } = await response.json();
  const failing = sources.filter((s) => !s.healthy).length;
  const summary = el("summary", {}, `Sources (${sources.length}${failing ? `, ${failing} failing` : ""})`);
  const rows = sources.map((s) =>
    el(
      "tr",
      { class: s.healthy ? "ok" : "failing", dataset: { source: s.id } },
      el("td", {}, s.name),
      el("td", {}, s.kind),
      el("td", {}, s.last_poll || "never"),
      el("td", {}, s.last_new || "—"),
      el("td", { class: "error" }, s.last_error ? `${s.last_error} (${s.failures}×)` : ""),
    ),
  );
  const head = el("tr", {}, ...["Source", "Kind", "Last poll", "Last new item", "Error"].map((h) => el("th", {}, h)));
  const open = panel.open;
  clear(panel);
  panel.append(summary, el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows)));
  panel.open = open;
  panel.dataset.count = String(sources.length);
  panel.dataset.failing = String(failing);
}

// The picker: incidents that share one point (a town's centroid often holds dozens) listed in the panel,
// so each one can be opened, not only the marker on top.
import { clear, el } from "./dom.js";

function line(p) {
  const fatal = p.fatalities === null || p.fatalities === undefined ? "" : ` · ${p.fatalities} killed`;
  return `${p.event_date || "undated"} · ${p.event_type}${p.sub_event_type ? ` (${p.sub_event_type})` : ""}${fatal}`;
}

export function showPicker(panel, features, onPick) {
  clear(panel);
  delete panel.dataset.incident;
  const sorted = [...features].sort((a, b) => (b.properties.event_date || "").localeCompare(a.properties.event_date || ""));
  const place = sorted.find((f) => f.properties.location)?.properties.location;
  const list = el("ol", { class: "picker" });
  for (const f of sorted) {
    const button = el("button", { type: "button", class: "linkish picker-item", dataset: { id: f.id } }, line(f.properties));
    button.addEventListener("click", () => onPick(f.id));
    list.append(el("li", {}, button, el("div", { class: "muted" }, [f.properties.actor1, f.properties.actor2].filter(Boolean).join(" vs "))));
  }
  panel.append(el("h2", {}, `${sorted.length} incidents at ${place || "this point"}`), el("p", { class: "muted" }, "Newest first. Choose one to see its sources."), list);
  panel.dataset.picker = String(sorted.length);
  panel.scrollTop = 0;
}

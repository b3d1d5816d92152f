// The detail panel: one incident with its grade, its events and, for each source article, the outlet's
// affiliation labels (with who applies them), claimant and attribution, and the evidence highlighted
// in the article's own text. Everything from the data is inserted as text.
import { getJSON } from "./api.js";
import { clear, el, link } from "./dom.js";
import { gradeClass } from "./style.js";

function fatalities(item) {
  if (item.fatalities === null || item.fatalities === undefined) return "unknown";
  const lo = item.fatalities_low;
  const hi = item.fatalities_high;
  return lo !== null && hi !== null && lo !== undefined && hi !== lo ? `${item.fatalities} (reports: ${lo}–${hi})` : String(item.fatalities);
}

function row(label, value) {
  if (value === null || value === undefined || value === "") return null;
  return el("div", { class: "kv" }, el("dt", {}, label), el("dd", {}, value));
}

function place(item) {
  return [item.location, item.admin1, item.country].filter(Boolean).join(", ");
}

function labels(outlet) {
  if (!outlet || !outlet.labels.length) return el("p", { class: "muted" }, "No affiliation labels on record.");
  return el(
    "ul",
    { class: "labels" },
    outlet.labels.map((lab) =>
      el(
        "li",
        {},
        el("span", { class: "label" }, lab.label),
        lab.affiliate ? ` (${lab.affiliate})` : "",
        " — source: ",
        link(lab.source, lab.source),
        lab.note ? el("span", { class: "muted" }, ` ${lab.note}`) : "",
      ),
    ),
  );
}

function evidence(ev) {
  if (!ev.text) return el("p", { class: "muted" }, "No evidence sentence stored.");
  return el("blockquote", { class: "evidence" }, ev.before ? `…${ev.before}` : "", el("mark", {}, ev.text), ev.after ? `${ev.after}…` : "");
}

function comments(articleId, box) {
  const button = el("button", { type: "button", class: "linkish" }, "Show reader comments");
  button.addEventListener("click", async () => {
    button.disabled = true;
    const article = await getJSON(`/api/articles/${encodeURIComponent(articleId)}`);
    const list = el(
      "ol",
      { class: "comments" },
      article.comments.map((c) => el("li", {}, el("strong", {}, c.author || "anonymous"), c.published ? ` ${c.published}` : "", el("p", {}, c.text))),
    );
    button.replaceWith(list);
  });
  box.append(button);
}

// "Military Forces of Syria (with Military Forces of Russia) vs Civilians (Syria) (Journalists (Syria))":
// each side with its associated actors, as ACLED pairs actor1/assoc_actor_1 and actor2/assoc_actor_2.
function actors(x) {
  const side = (name, assoc) => (name && assoc ? `${name} (with ${assoc})` : name);
  return [side(x.actor1, x.assoc_actor_1), side(x.actor2, x.assoc_actor_2)].filter(Boolean).join(" vs ");
}

function source(s) {
  const e = s.event;
  const outlet = s.outlet;
  const head = el(
    "header",
    {},
    el("h4", { class: "article-title" }, link(s.article.url, s.article.title || s.article.url || "untitled article")),
    el("div", { class: "muted" }, [outlet ? `${outlet.name} (${outlet.domain})` : "unidentified outlet", s.article.published ? ` · ${s.article.published}` : ""].join("")),
  );
  const box = el(
    "article",
    { class: "source", dataset: { article: s.article.id || "" } },
    head,
    el(
      "dl",
      {},
      row("Claimant", e.claimant || "the outlet itself"),
      row("Attribution", e.attribution),
      row("Coded as", `${e.event_type} — ${e.sub_event_type}`),
      row("Actors", actors(e)),
      row("Fatalities", fatalities(e)),
      row("Place", e.place ? place(e.place) : e.location_text),
    ),
    el("h5", {}, "Evidence"),
    evidence(s.evidence),
    el("h5", {}, "Outlet affiliation"),
    labels(outlet),
  );
  if (s.article.comments && s.article.id) comments(s.article.id, box);
  return box;
}

export async function showIncident(panel, id) {
  clear(panel);
  panel.append(el("p", { class: "muted" }, "loading…"));
  let inc;
  try {
    inc = await getJSON(`/api/incidents/${encodeURIComponent(id)}`);
  } catch (err) {
    clear(panel);
    panel.append(el("p", { class: "error" }, `Could not load the incident: ${err.message}`));
    return;
  }
  clear(panel);
  delete panel.dataset.picker;
  panel.dataset.incident = inc.id;
  const permalink = el("a", { class: "permalink", href: `/?incident=${encodeURIComponent(inc.id)}` }, "Link to this incident");
  panel.append(
    el("h2", {}, `${inc.event_type} — ${inc.sub_event_type}`),
    permalink,
    el("p", { class: `grade ${gradeClass(inc.grade)}` }, `Corroboration: ${inc.grade}`),
    inc.grade_reasons.length ? el("ul", { class: "reasons" }, inc.grade_reasons.map((r) => el("li", {}, r))) : null,
    el(
      "dl",
      {},
      row("Date", inc.event_date || "undated"),
      row("Place", place(inc)),
      row("Coordinates", inc.latitude !== null ? `${inc.latitude.toFixed(4)}, ${inc.longitude.toFixed(4)}` : null),
      row("Actors", actors(inc)),
      row("Fatalities", fatalities(inc)),
      row("Outlets", inc.outlets.map((k) => (k.startsWith("unknown:") ? "unidentified outlet" : k)).join(", ")),
    ),
    el("h3", {}, `Sources (${inc.sources.length})`),
    ...inc.sources.map(source),
  );
}

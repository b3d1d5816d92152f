// The timeline: a histogram of incidents over time (SVG built node by node) that filters the map when
// you drag across it. Dates are whole UTC days.

const SVG = "http://www.w3.org/2000/svg";
const DAY_MS = 86400000;
// Bin width by the span shown: days up to four months, weeks up to two years, months beyond.
const DAY_BINS_MAX_DAYS = 120;
const WEEK_BINS_MAX_DAYS = 730;
const PAD = { left: 28, right: 8, top: 6, bottom: 18 };

export function dayNumber(iso) {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function isoDay(day) {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function svg(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function binner(lo, hi) {
  const span = hi - lo;
  if (span <= DAY_BINS_MAX_DAYS) return { start: (d) => d, next: (d) => d + 1, unit: "day" };
  if (span <= WEEK_BINS_MAX_DAYS) {
    // weeks start on Monday (1970-01-01 was a Thursday: day 4 of the week counting from Monday 0)
    return { start: (d) => d - ((d + 3) % 7), next: (d) => d + 7, unit: "week" };
  }
  const start = (d) => {
    const t = new Date(d * DAY_MS);
    return Math.floor(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), 1) / DAY_MS);
  };
  const next = (d) => {
    const t = new Date(d * DAY_MS);
    return Math.floor(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 1) / DAY_MS);
  };
  return { start, next, unit: "month" };
}

export class Timeline {
  constructor(node, onBrush) {
    this.node = node;
    this.onBrush = onBrush;
    this.bins = [];
    this.range = null;
    this.drag = null;
    node.addEventListener("pointerdown", (e) => this.down(e));
    node.addEventListener("pointermove", (e) => this.move(e));
    node.addEventListener("pointerup", (e) => this.up(e));
    window.addEventListener("resize", () => this.draw());
  }

  setData(features) {
    const days = features.map((f) => f.properties.event_date).filter(Boolean).map(dayNumber);
    this.bins = [];
    if (days.length) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const d of days) {
        if (d < lo) lo = d;
        if (d > hi) hi = d;
      }
      const b = binner(lo, hi);
      this.unit = b.unit;
      const index = new Map();
      for (let d = b.start(lo); d <= hi; d = b.next(d)) {
        index.set(d, this.bins.length);
        this.bins.push({ start: d, end: b.next(d) - 1, count: 0 });
      }
      for (const d of days) this.bins[index.get(b.start(d))].count += 1;
    }
    this.range = null;
    this.draw();
  }

  width() {
    return Math.max(200, this.node.clientWidth || this.node.getBoundingClientRect().width);
  }

  draw() {
    const node = this.node;
    while (node.firstChild) node.firstChild.remove();
    const w = this.width();
    const h = node.clientHeight || 90;
    node.setAttribute("viewBox", `0 0 ${w} ${h}`);
    if (!this.bins.length) {
      const t = svg("text", { x: PAD.left, y: h / 2, class: "tl-empty" });
      t.textContent = "no dated incidents";
      node.append(t);
      return;
    }
    const max = this.bins.reduce((m, b) => Math.max(m, b.count), 0);
    const inner = w - PAD.left - PAD.right;
    const bw = inner / this.bins.length;
    const ih = h - PAD.top - PAD.bottom;
    this.geom = { inner, bw, h, ih };
    const axis = svg("text", { x: 2, y: PAD.top + 8, class: "tl-axis" });
    axis.textContent = String(max);
    node.append(axis);
    let lastLabel = -Infinity;
    this.bins.forEach((bin, i) => {
      const bh = bin.count ? Math.max(1, (bin.count / max) * ih) : 0;
      const x = PAD.left + i * bw;
      const inRange = !this.range || (bin.start >= this.range[0] && bin.end <= this.range[1]);
      const rect = svg("rect", {
        x: x + 0.5,
        y: PAD.top + ih - bh,
        width: Math.max(1, bw - 1),
        height: bh,
        class: inRange ? "tl-bar" : "tl-bar tl-out",
      });
      const title = svg("title", {});
      title.textContent = `${isoDay(bin.start)}: ${bin.count}`;
      rect.append(title);
      node.append(rect);
      if (x - lastLabel > 70) {
        const label = svg("text", { x, y: h - 4, class: "tl-axis" });
        label.textContent = this.unit === "month" ? isoDay(bin.start).slice(0, 7) : isoDay(bin.start);
        node.append(label);
        lastLabel = x;
      }
    });
    if (this.range || this.drag) {
      const [a, b] = this.drag ? this.dragBins() : this.rangeBins();
      const sel = svg("rect", {
        x: PAD.left + a * bw,
        y: PAD.top,
        width: (b - a + 1) * bw,
        height: ih,
        class: "tl-brush",
      });
      node.append(sel);
    }
  }

  binAt(clientX) {
    const box = this.node.getBoundingClientRect();
    const x = clientX - box.left - PAD.left;
    const i = Math.floor(x / (this.geom?.bw || 1));
    return Math.min(this.bins.length - 1, Math.max(0, i));
  }

  dragBins() {
    return [Math.min(this.drag.from, this.drag.to), Math.max(this.drag.from, this.drag.to)];
  }

  rangeBins() {
    const a = this.bins.findIndex((b) => b.start >= this.range[0]);
    let b = this.bins.length - 1;
    while (b > 0 && this.bins[b].end > this.range[1]) b -= 1;
    return [a, b];
  }

  down(e) {
    if (!this.bins.length || e.button !== 0) return;
    this.node.setPointerCapture(e.pointerId);
    const i = this.binAt(e.clientX);
    this.drag = { from: i, to: i };
    this.draw();
  }

  move(e) {
    if (!this.drag) return;
    this.drag.to = this.binAt(e.clientX);
    this.draw();
  }

  up(e) {
    if (!this.drag) return;
    this.drag.to = this.binAt(e.clientX);
    const [a, b] = this.dragBins();
    this.drag = null;
    this.range = [this.bins[a].start, this.bins[b].end];
    this.draw();
    this.onBrush(this.range);
  }

  clearBrush() {
    this.range = null;
    this.draw();
    this.onBrush(null);
  }
}

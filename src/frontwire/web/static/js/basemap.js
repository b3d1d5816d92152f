// The offline basemap: Natural Earth country outlines (world-atlas). Rings that cross the antimeridian
// (Russia's Chukotka, Fiji, Wrangel Island) jump from +180 to -180 in the data, which a flat map draws as
// a stripe across the world; they are unwrapped into continuous rings, and the parts of a country are moved
// next to its largest part (the USA's Aleutians, New Zealand's Chatham Islands), so no outline is wider
// than the world.

// A step between two ring points longer than this many degrees of longitude is a wrap, not an edge.
const WRAP_DEG = 180;

function jumps(ring) {
  let n = 0;
  for (let i = 1; i < ring.length; i += 1) if (Math.abs(ring[i][0] - ring[i - 1][0]) > WRAP_DEG) n += 1;
  return n;
}

// A ring around a pole (Antarctica) crosses the antimeridian an odd number of times and is right as it is.
function unwrapRing(ring) {
  const count = jumps(ring);
  if (count === 0 || count % 2 === 1) return ring;
  let offset = 0;
  const out = [ring[0]];
  for (let i = 1; i < ring.length; i += 1) {
    const step = ring[i][0] - ring[i - 1][0];
    if (step > WRAP_DEG) offset -= 360;
    else if (step < -WRAP_DEG) offset += 360;
    out.push([ring[i][0] + offset, ring[i][1]]);
  }
  return out;
}

function meanLon(ring) {
  let sum = 0;
  for (const p of ring) sum += p[0];
  return sum / ring.length;
}

function shiftRing(ring, by) {
  return by ? ring.map(([lon, lat]) => [lon + by, lat]) : ring;
}

// The multiple of 360 that brings `lon` nearest to `target`.
function shiftToward(lon, target) {
  return Math.round((target - lon) / 360) * 360;
}

function fixPolygon(rings, target) {
  const outer = unwrapRing(rings[0]);
  const by = target === null ? 0 : shiftToward(meanLon(outer), target);
  const center = meanLon(outer) + by;
  return [shiftRing(outer, by), ...rings.slice(1).map((r) => {
    const hole = unwrapRing(r);
    return shiftRing(hole, shiftToward(meanLon(hole), center));
  })];
}

export function fixAntimeridian(geometry) {
  if (!geometry) return geometry;
  if (geometry.type === "Polygon") return { ...geometry, coordinates: fixPolygon(geometry.coordinates, null) };
  if (geometry.type !== "MultiPolygon") return geometry;
  let main = geometry.coordinates[0];
  for (const poly of geometry.coordinates) if (poly[0].length > main[0].length) main = poly;
  const anchor = meanLon(unwrapRing(main[0]));
  // Antarctica's rings circle the pole: leave such a country where it is.
  if (geometry.coordinates.some((poly) => jumps(poly[0]) % 2 === 1)) return geometry;
  return { ...geometry, coordinates: geometry.coordinates.map((poly) => fixPolygon(poly, anchor)) };
}

export function fixCollection(data) {
  for (const feature of data.features) feature.geometry = fixAntimeridian(feature.geometry);
  return data;
}

// Copy the pinned front-end dependencies into the Python package's static folder, with their licences,
// and convert Natural Earth's country outlines (world-atlas, public domain) from TopoJSON to GeoJSON.
// Run: cd web && npm ci && npm run build. The output is committed so a Python install needs no Node.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { feature } from "topojson-client";

const here = dirname(fileURLToPath(import.meta.url));
const modules = join(here, "node_modules");
const out = join(here, "..", "src", "frontwire", "web", "static", "vendor");

// Coordinates keep 3 decimals (about 100 m): finer than the 1:50m outlines themselves, a third of the size.
const DECIMALS = 3;

function copy(pkg, files, licence) {
  const target = join(out, pkg);
  mkdirSync(target, { recursive: true });
  for (const file of files) {
    mkdirSync(dirname(join(target, file.to)), { recursive: true });
    copyFileSync(join(modules, pkg, file.from), join(target, file.to));
  }
  copyFileSync(join(modules, pkg, licence), join(target, "LICENSE"));
  const version = JSON.parse(readFileSync(join(modules, pkg, "package.json"), "utf8")).version;
  writeFileSync(join(target, "VERSION"), `${pkg} ${version}\n`);
}

copy(
  "leaflet",
  [
    { from: "dist/leaflet.js", to: "leaflet.js" },
    { from: "dist/leaflet.css", to: "leaflet.css" },
    ...readdirSync(join(modules, "leaflet", "dist", "images")).map((f) => ({
      from: `dist/images/${f}`,
      to: `images/${f}`,
    })),
  ],
  "LICENSE",
);
copy(
  "leaflet.markercluster",
  [
    { from: "dist/leaflet.markercluster.js", to: "leaflet.markercluster.js" },
    { from: "dist/MarkerCluster.css", to: "MarkerCluster.css" },
  ],
  "MIT-LICENCE.txt",
);

const topology = JSON.parse(readFileSync(join(modules, "world-atlas", "countries-50m.json"), "utf8"));
const countries = feature(topology, topology.objects.countries);
const round = (x) => Math.round(x * 10 ** DECIMALS) / 10 ** DECIMALS;
const roundDeep = (c) => (typeof c[0] === "number" ? c.map(round) : c.map(roundDeep));
for (const f of countries.features) {
  f.geometry.coordinates = roundDeep(f.geometry.coordinates);
  f.properties = { name: f.properties.name };
}
mkdirSync(join(out, "world-atlas"), { recursive: true });
writeFileSync(join(out, "world-atlas", "countries-50m.geojson"), JSON.stringify(countries));
copyFileSync(join(modules, "world-atlas", "LICENSE"), join(out, "world-atlas", "LICENSE"));
const atlasVersion = JSON.parse(readFileSync(join(modules, "world-atlas", "package.json"), "utf8")).version;
writeFileSync(
  join(out, "world-atlas", "VERSION"),
  `world-atlas ${atlasVersion} countries-50m (Natural Earth 1:50m, public domain), converted with topojson-client\n`,
);
console.log(`built ${out}`);

// Writes src/main/resources/serve/countries-110m.svgpath: every country of Natural Earth's
// 1:110m map (via the world-atlas package) as one SVG path in an equirectangular frame of
// 360 x 180 units, x = longitude + 180, y = 90 - latitude, to one decimal.
// Usage: node build-outline.mjs [--check]   (--check exits 1 when the committed file is stale)
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "../../src/main/resources/serve/countries-110m.svgpath");
const topo = JSON.parse(readFileSync(join(here, "node_modules/world-atlas/countries-110m.json"), "utf8"));

// TopoJSON arcs are delta-encoded integers; the transform turns them into degrees.
const [sx, sy] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
const arcs = topo.arcs.map((arc) => {
  let x = 0, y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [x * sx + tx, y * sy + ty];
  });
});

function ring(indices) {
  const points = [];
  for (const i of indices) {
    // A negative index ~i means arc i walked backwards.
    const arc = i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

const fmt = (v) => (Math.round(v * 10) / 10).toString();
let d = "";
const polygons = [];
for (const g of topo.objects.countries.geometries) {
  if (g.type === "Polygon") polygons.push(g.arcs);
  else if (g.type === "MultiPolygon") polygons.push(...g.arcs);
}
for (const polygon of polygons) {
  for (const r of polygon) {
    let last = "";
    let first = true;
    for (const [lon, lat] of ring(r)) {
      const p = fmt(lon + 180) + " " + fmt(90 - lat);
      if (p === last) continue;
      d += (first ? "M" : "L") + p;
      first = false;
      last = p;
    }
    d += "Z";
  }
}
d += "\n";
if (process.argv.includes("--check")) {
  const now = readFileSync(out, "utf8");
  if (now !== d) {
    console.error("countries-110m.svgpath is stale: run node build-outline.mjs");
    process.exit(1);
  }
} else {
  writeFileSync(out, d);
  console.log(`wrote ${out}: ${d.length} characters, ${polygons.length} polygons`);
}

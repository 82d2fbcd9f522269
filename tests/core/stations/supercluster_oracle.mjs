// Oracle for tests/core/stations: runs supercluster 9.1.0 (the pinned peer) on a seeded
// input with hot spots, duplicates and the antimeridian, and writes its clusters to JSON
// for supercluster_oracle_check.cpp to compare ours with.
// Usage: node supercluster_oracle.mjs <peers dir with node_modules> <out.json> [seed]
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const [peers, out, seedArg] = process.argv.slice(2);
const {default: Supercluster} = await import(pathToFileURL(join(peers, 'node_modules/supercluster/index.js')).href);

function mulberry32(a) {
  return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}
const rnd = mulberry32(+(seedArg || 7));
const points = [];
for (let i = 0; i < 20000; i++) points.push([115.8 + 4.9 * rnd(), 23.5 + 4.8 * rnd()]);
for (let h = 0; h < 40; h++) {  // dense city centres, where most merging happens
  const cx = 116 + 4.5 * rnd(), cy = 23.7 + 4.4 * rnd();
  for (let i = 0; i < 200; i++) points.push([cx + 0.02 * (rnd() - 0.5), cy + 0.02 * (rnd() - 0.5)]);
}
for (let i = 0; i < 50; i++) points.push([119.2965, 26.0745]);  // one address, many stations
for (let i = 0; i < 30; i++) points.push([179.9 + 0.2 * rnd() - (rnd() < 0.5 ? 359.9 : 0), -10 + rnd()]);
for (let i = 0; i < 10; i++) points.push([360 * rnd() - 180, 84 + 5 * rnd()]);  // beyond mercator's edge

const sc = new Supercluster({radius: 40, maxZoom: 16});
sc.load(points.map((c, i) => ({type: 'Feature', properties: {id: i}, geometry: {type: 'Point', coordinates: c}})));
const feature = f => [f.properties.cluster ? f.properties.cluster_id : f.properties.id,
  f.properties.cluster ? f.properties.point_count : 1, f.geometry.coordinates[0], f.geometry.coordinates[1]];
const queries = [];
for (let z = 0; z <= 18; z++) queries.push({bbox: [-180, -90, 180, 90], zoom: z});
for (let i = 0; i < 300; i++) {
  const z = Math.floor(rnd() * 19), cx = 115.8 + 4.9 * rnd(), cy = 23.5 + 4.8 * rnd();
  const w = 1280 / 256 * 360 / 2 ** z, h = w * 800 / 1280 * Math.cos(cy * Math.PI / 180);
  queries.push({bbox: [cx - w / 2, Math.max(-85, cy - h / 2), cx + w / 2, Math.min(85, cy + h / 2)], zoom: z});
}
queries.push({bbox: [179, -11, -179, 0], zoom: 5}, {bbox: [170, -20, 190, 20], zoom: 12});
for (const q of queries) q.features = sc.getClusters(q.bbox, q.zoom).map(feature);
writeFileSync(out, JSON.stringify({levels: sc.trees.length, points, queries}));
console.log(`supercluster oracle: ${points.length} points, ${queries.length} queries -> ${out}`);

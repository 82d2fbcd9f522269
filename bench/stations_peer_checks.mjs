// Expected results for `make bench-stations`: the JS peers run once, untimed, on the input
// js-peers.mjs times them on (the same mulberry32 streams), each result hashed the way
// bench/stations_checks.cpp hashes ours:
//   build    kdbush's tree: split values in pre-order, leaf sizes, the ids as a set
//   kNN      geokdbush.around(k = 10) per query, ids nearest first
//   box      kdbush.range per query, ids sorted (flatbush.search must find the same)
//   levels   supercluster.getClusters(world, z) per zoom 0…17: sorted (id, point count)
//   viewport supercluster.getClusters(box, z) per viewport, the same pairs
// Also the sums js-peers.mjs prints as its check values, so the driver can confirm that the
// timed peers ran on this very input.
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const N = 150000, Q = 10000, V = 1000, K = 10, CITY = 0.2;
const LON0 = 115.8, LON1 = 120.7, LAT0 = 23.5, LAT1 = 28.3;

function mulberry32(a) {
  return () => { a |= 0; a = (a + 0x6D2B79F5) | 0; let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

// The same mix as stations_checks.cpp.
const START = 0x811C9DC5;
const mix = (h, w) => { h = Math.imul(h ^ w, 0x9E3779B1); return (h ^ (h >>> 16)) >>> 0; };
const f64 = new Float64Array(1), f64Words = new Uint32Array(f64.buffer);
const mixF64 = (h, d) => { f64[0] = d; return mix(mix(h, f64Words[0]), f64Words[1]); };
const listHash = ids => ids.reduce(mix, mix(START, ids.length));
const finish = items => ({check: items.reduce(mix, mix(START, items.length)), items});
const featurePairs = fs => {
  const pairs = fs.map(f => f.properties.cluster ? [f.properties.cluster_id, f.properties.point_count] : [f.properties.id, 1]);
  pairs.sort((a, b) => a[0] - b[0]);
  return pairs.reduce((h, [id, count]) => mix(mix(h, id), count), mix(START, pairs.length));
};

export async function peerChecks(peersDir, seed) {
  const load = async name => (await import(pathToFileURL(join(peersDir, 'node_modules', name, 'index.js')).href));
  const {default: KDBush} = await load('kdbush');
  const geokdbush = await load('geokdbush');
  const {default: Flatbush} = await load('flatbush');
  const {default: Supercluster} = await load('supercluster');

  // The streams exactly as js-peers.mjs draws them: points, queries, then viewports.
  const rnd = mulberry32(seed);
  const rLon = () => LON0 + (LON1 - LON0) * rnd(), rLat = () => LAT0 + (LAT1 - LAT0) * rnd();
  const lon = new Float64Array(N), lat = new Float64Array(N);
  for (let i = 0; i < N; i++) { lon[i] = rLon(); lat[i] = rLat(); }
  const qx = new Float64Array(Q), qy = new Float64Array(Q);
  for (let i = 0; i < Q; i++) { qx[i] = rLon(); qy[i] = rLat(); }
  const vp = [];
  for (let i = 0; i < V; i++) {
    const z = Math.floor(rnd() * 17), cx = rLon(), cy = rLat();
    const w = 1280 / 256 * 360 / 2 ** z, h = w * 800 / 1280 * Math.cos(cy * Math.PI / 180);
    vp.push([z, [cx - w / 2, Math.max(-85, cy - h / 2), cx + w / 2, Math.min(85, cy + h / 2)]]);
  }

  const kd = new KDBush(N);
  for (let i = 0; i < N; i++) kd.add(lon[i], lat[i]);
  kd.finish();
  let splits = START, leaves = START;
  const walk = (l, r, axis) => {
    if (r - l <= kd.nodeSize) { leaves = mix(leaves, r - l + 1); return; }
    const m = (l + r) >> 1;
    splits = mixF64(splits, kd.coords[2 * m + axis]);
    walk(l, m - 1, 1 - axis);
    walk(m + 1, r, 1 - axis);
  };
  walk(0, N - 1, 0);
  const build = finish([splits, leaves, listHash([...kd.ids].sort((a, b) => a - b))]);

  let knnSum = 0;
  const knn = finish(Array.from({length: Q}, (_, i) => {
    const ids = geokdbush.around(kd, qx[i], qy[i], K);
    knnSum += ids[K - 1];
    return listHash(ids);
  }));

  const fb = new Flatbush(N);
  for (let i = 0; i < N; i++) fb.add(lon[i], lat[i]);
  fb.finish();
  let boxSum = 0, peersDisagree = 0;
  const box = finish(Array.from({length: Q}, (_, i) => {
    const b = [qx[i] - CITY / 2, qy[i] - CITY / 2, qx[i] + CITY / 2, qy[i] + CITY / 2];
    const ids = kd.range(...b).sort((x, y) => x - y);
    const other = fb.search(...b).sort((x, y) => x - y);
    if (other.length !== ids.length || other.some((id, k) => id !== ids[k])) peersDisagree++;
    boxSum += ids.length;
    return listHash(ids);
  }));

  const sc = new Supercluster({radius: 40, maxZoom: 16});
  sc.load(Array.from({length: N}, (_, i) => ({type: 'Feature', properties: {id: i},
    geometry: {type: 'Point', coordinates: [lon[i], lat[i]]}})));
  const levels = finish(sc.trees.map((_, z) => featurePairs(sc.getClusters([-180, -90, 180, 90], z))));
  let viewportSum = 0;
  const viewports = finish(vp.map(([z, b]) => {
    const fs = sc.getClusters(b, z);
    viewportSum += fs.length;
    return featurePairs(fs);
  }));

  return {
    checks: {build, knn, box, levels, viewports},
    // js-peers.mjs's check values for the same input (kdbush byteLength, sums, trees.length)
    inputs: {build: kd.data.byteLength, knn: knnSum, box: boxSum, levels: sc.trees.length, viewports: viewportSum},
    peersDisagree,
  };
}

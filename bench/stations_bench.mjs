// `make bench-stations`: the station-map operations on the same seeded input, side by side:
// the JS peers (kdbush, geokdbush, flatbush, supercluster: ../shared/bench/js-peers.mjs),
// our core compiled to wasm and loaded into this same Node process, and our native build.
// Expected check values come from the peers in this run, never from constants.
// Usage: node --no-experimental-fetch stations_bench.mjs <peers dir> <stations_wasm.cjs> <native exe> [reps] [seed]
import {execFileSync} from 'node:child_process';
import {createRequire} from 'node:module';
import {resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

const [peersDir, wasmModule, nativeExe, repsArg, seedArg] = process.argv.slice(2);
const reps = +(repsArg || 5), seed = +(seedArg || 42);

// js-peers.mjs reads reps/seed from argv and prints one JSON document: run it here, catch it.
async function runPeers() {
  const argv = process.argv, log = console.log;
  let printed = '';
  process.argv = [argv[0], 'js-peers.mjs', String(reps), String(seed)];
  console.log = s => { printed += s; };
  try { await import(pathToFileURL(resolve(peersDir, 'js-peers.mjs')).href); } finally {
    process.argv = argv; console.log = log;
  }
  return JSON.parse(printed).results;
}

const js = await runPeers();
const mod = await createRequire(import.meta.url)(resolve(wasmModule))();
const wasm = JSON.parse(mod.UTF8ToString(mod._stations_bench_json(reps, seed))).results;
const native = JSON.parse(execFileSync(resolve(nativeExe), [String(reps), String(seed)], {encoding: 'utf8'})).results;

const N = 150000, Q = 10000, V = 1000;
// Each of our operations, the peers doing the same work, and which peer sets the check value.
const ops = [
  {name: `build index ${N}`, ours: `build ${N}`, peers: [`kdbush build ${N}`, `flatbush build ${N}`], check: `kdbush build ${N}`},
  {name: `kNN k=10 great-circle x${Q}`, ours: `kNN k=10 x${Q}`, peers: [`geokdbush ${Q} kNN k=10`], check: `geokdbush ${Q} kNN k=10`},
  {name: `bbox 0.2deg x${Q}`, ours: `bbox 0.2deg x${Q}`, peers: [`kdbush ${Q} bbox 0.2deg`, `flatbush ${Q} bbox 0.2deg`], check: `kdbush ${Q} bbox 0.2deg`},
  {name: `cluster z0-16`, ours: `cluster z0-16`, peers: [`supercluster load z0-16 ${N}`], check: `supercluster load z0-16 ${N}`},
  {name: `getClusters 1280x800 x${V}`, ours: `getClusters x${V}`, peers: [`supercluster ${V} getClusters 1280x800 z0-16`], check: `supercluster ${V} getClusters 1280x800 z0-16`},
];

const pad = (s, n) => String(s).padEnd(n), num = (x, n) => x.toFixed(2).padStart(n);
console.log(`station map benchmark: node ${process.version}, reps ${reps}, seed ${seed}; median ms (speedup = best JS peer / ours)`);
console.log(`${pad('operation', 30)}${pad('best JS peer', 32)}${'JS ms'.padStart(9)}${'wasm ms'.padStart(10)}${'x'.padStart(7)}${'native ms'.padStart(11)}${'x'.padStart(7)}  check`);
let minWasm = Infinity, minNative = Infinity, allOk = true;
for (const op of ops) {
  const best = op.peers.reduce((a, b) => (js[a].median_ms <= js[b].median_ms ? a : b));
  const jsMs = js[best].median_ms, w = wasm[op.ours], n = native[op.ours];
  const want = js[op.check].check;
  const ok = w.check === want && n.check === want;
  allOk &&= ok;
  const sw = jsMs / w.median_ms, sn = jsMs / n.median_ms;
  minWasm = Math.min(minWasm, sw);
  minNative = Math.min(minNative, sn);
  console.log(`${pad(op.name, 30)}${pad(best, 32)}${num(jsMs, 9)}${num(w.median_ms, 10)}${num(sw, 7)}${num(n.median_ms, 11)}${num(sn, 7)}  ${ok ? 'ok' : `MISMATCH (peer ${want}, wasm ${w.check}, native ${n.check})`} ${want}`);
}
const other = `flatbush ${Q} planar kNN k=10`;
console.log(`(not compared: ${other} ${js[other].median_ms} ms — planar degrees, not great-circle distance)`);
console.log(`stations: wasm/js min speedup ${minWasm.toFixed(2)}, native/js min speedup ${minNative.toFixed(2)}, checks ${allOk ? 'ok' : 'MISMATCH'}`);
process.exitCode = allOk ? 0 : 1;

// `make bench-stations`: the station-map operations on the same seeded input, side by side:
// the JS peers (kdbush, geokdbush, flatbush, supercluster: ../shared/bench/js-peers.mjs),
// our core compiled to wasm with the shipped client's flags and loaded into this same Node
// process, and our native build.
//
// Timing: ROUNDS rounds, each running the peers, the wasm and the native build REPS times.
// All three stay up across the rounds (the peers and the wasm in this process, the native
// build in one child process), so the first round is the cold one for each. The verdict
// compares each side's best run of all ROUNDS x REPS: other processes on a shared machine
// only ever add time, and to a 5 ms operation a scheduler slice adds more than its own
// length, so a median there measures the machine's load. Medians are printed alongside.
// Results: every operation's output is hashed (per query, zoom level or viewport) by the
// peers (stations_peer_checks.mjs) and by both our builds (stations_checks.cpp); they must
// be identical, and the peers' own check values must show they timed the same input.
// Verdict: wasm >= 2x and native >= 4x the best JS peer on every operation, every result
// identical, the wasm built with the client's flags; exit 1 otherwise. The last line says so.
// Usage: node --no-experimental-fetch stations_bench.mjs <peers dir> <stations_wasm.cjs> <native exe>
//          [reps=5] [seed=42] [rounds=3] [the client's compile_commands.json]
import {spawn} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';
import {peerChecks} from './stations_peer_checks.mjs';

const [peersDir, wasmModule, nativeExe, repsArg, seedArg, roundsArg, clientCommands] = process.argv.slice(2);
const reps = +(repsArg || 5), seed = +(seedArg || 42), rounds = +(roundsArg || 3);
const WASM_MIN = 2, NATIVE_MIN = 4;
const N = 150000, Q = 10000, V = 1000;
const failures = [];

// The flags that decide code generation (-O, -f, -D, -std, -m, emscripten's -s), of
// core/stations/geo_index.cpp.
function codegenFlags(commandsFile) {
  if (!commandsFile || !existsSync(commandsFile)) return null;
  const entry = JSON.parse(readFileSync(commandsFile, 'utf8')).find(e => e.file.endsWith('core/stations/geo_index.cpp'));
  return entry && entry.command.split(/\s+/).filter(t => /^-(O|f|D|std=|m|s[A-Z])/.test(t)).sort().join(' ');
}
const benchFlags = codegenFlags(join(dirname(resolve(wasmModule)), 'compile_commands.json'));
const clientFlags = codegenFlags(clientCommands);
let flagsNote;
if (!benchFlags) failures.push('no compile_commands.json next to the wasm');
if (!clientFlags) flagsNote = 'client build not found, flags from its toolchain file';
else if (clientFlags === benchFlags) flagsNote = 'same flags as the shipped client';
else failures.push(`wasm flags ${benchFlags} differ from the client's ${clientFlags}`);
console.log(`wasm flags: ${benchFlags} (${flagsNote || `client: ${clientFlags}`})`);

// js-peers.mjs reads reps/seed from argv and prints one JSON document: run it here (a fresh
// module instance each round), catch it.
async function runPeers(round) {
  const argv = process.argv, log = console.log;
  let printed = '';
  process.argv = [argv[0], 'js-peers.mjs', String(reps), String(seed)];
  console.log = s => { printed += s; };
  try { await import(`${pathToFileURL(resolve(peersDir, 'js-peers.mjs')).href}?round=${round}`); } finally {
    process.argv = argv; console.log = log;
  }
  return JSON.parse(printed).results;
}

// The native build runs in one process for all rounds, one round per line sent to it.
function startNative() {
  const child = spawn(resolve(nativeExe), [String(reps), String(seed), String(rounds)], {stdio: ['pipe', 'pipe', 'inherit']});
  let buffered = '';
  const waiting = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', chunk => {
    buffered += chunk;
    for (let at; (at = buffered.indexOf('\n')) >= 0; buffered = buffered.slice(at + 1)) waiting.shift().resolve(buffered.slice(0, at));
  });
  child.on('exit', code => { for (const w of waiting.splice(0)) w.reject(new Error(`${nativeExe} exited ${code}`)); });
  return {
    round: () => new Promise((resolveLine, reject) => { waiting.push({resolve: resolveLine, reject}); child.stdin.write('go\n'); }),
    close: () => child.stdin.end(),
  };
}

const mod = await createRequire(import.meta.url)(resolve(wasmModule))();
const native = startNative();
const runs = {js: [], wasm: [], native: []};
for (let r = 0; r < rounds; r++) {
  runs.js.push(await runPeers(r));
  runs.wasm.push(JSON.parse(mod.UTF8ToString(mod._stations_bench_json(reps, seed))).results);
  runs.native.push(JSON.parse(await native.round()).results);
}
native.close();
const expected = await peerChecks(peersDir, seed);

// Each of our operations, the peers doing the same work, the peer check value that names the
// input, and what one timed run of ours sums to (its "sink") on that input.
const ops = [
  {name: `build index ${N}`, ours: `build ${N}`, peers: [`kdbush build ${N}`, `flatbush build ${N}`],
   check: 'build', input: [`kdbush build ${N}`], sink: () => N},
  {name: `kNN k=10 great-circle x${Q}`, ours: `kNN k=10 x${Q}`, peers: [`geokdbush ${Q} kNN k=10`],
   check: 'knn', input: [`geokdbush ${Q} kNN k=10`], sink: () => expected.inputs.knn},
  {name: `bbox 0.2deg x${Q}`, ours: `bbox 0.2deg x${Q}`, peers: [`kdbush ${Q} bbox 0.2deg`, `flatbush ${Q} bbox 0.2deg`],
   check: 'box', input: [`kdbush ${Q} bbox 0.2deg`, `flatbush ${Q} bbox 0.2deg`], sink: () => expected.inputs.box},
  {name: `cluster z0-16`, ours: `cluster z0-16`, peers: [`supercluster load z0-16 ${N}`],
   check: 'levels', input: [`supercluster load z0-16 ${N}`], sink: () => expected.inputs.levels},
  {name: `getClusters 1280x800 x${V}`, ours: `getClusters x${V}`, peers: [`supercluster ${V} getClusters 1280x800 z0-16`],
   check: 'viewports', input: [`supercluster ${V} getClusters 1280x800 z0-16`], sink: () => expected.inputs.viewports},
];

const median = a => [...a].sort((x, y) => x - y)[a.length >> 1];
const best = (impl, key) => Math.min(...runs[impl].map(res => impl === 'js' ? res[key].min_ms : Math.min(...res[key].ms)));
const typical = (impl, key) => median(runs[impl].map(res => res[key].median_ms));

// Where our result differs from the peers': how many items, the first one.
function compare(impl, op) {
  const want = expected.checks[op.check];
  const got = runs[impl].map(res => res[op.ours]);
  const bad = got.findIndex(g => g.check !== want.check || g.items.length !== want.items.length ||
    g.items.some((h, i) => h !== want.items[i]));
  if (bad < 0) {
    const sinks = got.filter(g => g.sink !== reps * op.sink()).length;
    return sinks ? `timed runs returned other results in ${sinks} round(s)` : null;
  }
  const g = got[bad], differ = want.items.map((h, i) => (g.items[i] === h ? -1 : i)).filter(i => i >= 0);
  return `hash ${g.check} != ${want.check}, ${differ.length} of ${want.items.length} items differ (first #${differ[0]})`;
}

const pad = (s, n) => String(s).padEnd(n), num = (x, n) => x.toFixed(2).padStart(n);
console.log(`station map benchmark: node ${process.version}, seed ${seed}, ${rounds} rounds x ${reps} reps; ` +
  `best run in ms (x = best JS peer / ours, from medians in parentheses; needed: wasm ${WASM_MIN}x, native ${NATIVE_MIN}x)`);
console.log(`${pad('operation', 30)}${pad('best JS peer', 46)}${'JS ms'.padStart(9)}${'wasm ms'.padStart(10)}` +
  `${pad('    x', 14)}${'native ms'.padStart(10)}${pad('    x', 14)}  result`);
let minWasm = Infinity, minNative = Infinity, identical = 0;
for (const op of ops) {
  const peer = op.peers.reduce((a, b) => (best('js', a) <= best('js', b) ? a : b));
  const jsMs = best('js', peer), w = best('wasm', op.ours), n = best('native', op.ours);
  const sw = jsMs / w, sn = jsMs / n;
  const mw = typical('js', peer) / typical('wasm', op.ours), mn = typical('js', peer) / typical('native', op.ours);
  minWasm = Math.min(minWasm, sw);
  minNative = Math.min(minNative, sn);
  const notes = [];
  for (const impl of ['wasm', 'native']) {
    const why = compare(impl, op);
    if (why) { notes.push(`${impl} MISMATCH: ${why}`); failures.push(`${op.name}: ${impl} ${why}`); }
  }
  for (const key of op.input) {
    const seen = runs.js.map(res => res[key].check).filter(c => c !== expected.inputs[op.check]);
    if (seen.length) failures.push(`${key} timed another input (check ${seen[0]}, expected ${expected.inputs[op.check]})`);
  }
  if (sw < WASM_MIN) { notes.push(`wasm SLOW`); failures.push(`${op.name}: wasm ${sw.toFixed(2)}x < ${WASM_MIN}x`); }
  if (sn < NATIVE_MIN) { notes.push(`native SLOW`); failures.push(`${op.name}: native ${sn.toFixed(2)}x < ${NATIVE_MIN}x`); }
  if (!notes.some(s => s.includes('MISMATCH'))) identical++;
  console.log(`${pad(op.name, 30)}${pad(peer, 46)}${num(jsMs, 9)}${num(w, 10)}${num(sw, 6)} (${mw.toFixed(2)})` +
    `${num(n, 10)}${num(sn, 6)} (${mn.toFixed(2)})  ` +
    `${notes.length ? notes.join('; ') : 'ok'} ${expected.checks[op.check].check}`);
}
if (expected.peersDisagree) failures.push(`kdbush and flatbush disagree on ${expected.peersDisagree} boxes`);
const other = `flatbush ${Q} planar kNN k=10`;
console.log(`(not compared: ${other} ${best('js', other)} ms — planar degrees, not great-circle distance)`);

const summary = `min speedup (best runs) wasm ${minWasm.toFixed(2)}x (>= ${WASM_MIN}), native ${minNative.toFixed(2)}x (>= ${NATIVE_MIN}); ` +
  `results identical to the peers on ${identical}/${ops.length} operations (tree, ${Q} kNN, ${Q} boxes, ` +
  `18 zoom levels, ${V} viewports; kdbush = flatbush on every box), timed inputs confirmed; wasm ${benchFlags}` +
  (flagsNote ? ` (${flagsNote})` : '');
if (failures.length) {
  for (const f of failures) console.log(`FAIL: ${f}`);
  console.log(`stations: FAIL (${failures.length} problems) — ${summary}`);
  process.exitCode = 1;
} else {
  console.log(`stations: PASS — ${summary}`);
}

// make bench-size: what a member downloads and how soon they see the app.
// Prints raw, gzip and brotli sizes of the wasm, JS and font as the server sends them, then
// the time from navigation to the first drawn frame in headless Chromium (median of 5 cold
// loads, each in a fresh browser context: no HTTP cache, no service worker) against the real
// server on loopback, next to the same page's DOMContentLoaded as the peer it is judged by.
// Exits 1 when any budget is over; the last line is the verdict.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PHONE, launchBrowser, startServer, waitForFirstFrame } from '../tests/e2e/harness.mjs';

const site = process.argv[2] || 'build/wasm-release/site';
const serverBin = process.argv[3] || 'build/native-release/server/huigong-server';
const LOADS = 5;
const kb = (n) => (n / 1024).toFixed(1);
const size = (f) => statSync(join(site, f)).size;

const files = readdirSync(site);
const pick = (re) => files.find((f) => re.test(f));
const assets = { wasm: pick(/^huigong\.[0-9a-f]+\.wasm$/), js: pick(/^huigong\.[0-9a-f]+\.js$/), font: pick(/^font\.[0-9a-f]+\.ttf$/) };
console.log('asset                              raw KB   gzip KB  brotli KB');
for (const [kind, f] of Object.entries(assets)) {
  if (!f) throw new Error(`no ${kind} in ${site}: build it with make web`);
  console.log(`${f.padEnd(32)} ${kb(size(f)).padStart(8)} ${kb(size(f + '.gz')).padStart(9)} ${kb(size(f + '.br')).padStart(10)}`);
}
const wasmJsGzip = size(assets.wasm + '.gz') + size(assets.js + '.gz');
const fontBrotli = size(assets.font + '.br');

const server = await startServer({ bin: serverBin, site, extra: ['--quiet'] });
const browser = await launchBrowser();
const firsts = [], dcls = [];
try {
  for (let i = 0; i < LOADS; i++) {
    const ctx = await browser.newContext(PHONE);
    const page = await ctx.newPage();
    await page.goto(server.url + '/');
    await waitForFirstFrame(page);
    const [first, dcl] = await page.evaluate(() => [
      performance.getEntriesByName('huigong-first-frame')[0].startTime,
      performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd]);
    firsts.push(first); dcls.push(dcl);
    console.log(`load ${i + 1}: first frame ${first.toFixed(0)} ms (page DOMContentLoaded ${dcl.toFixed(0)} ms)`);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.stop();
  server.cleanup();
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const ff = median(firsts);
console.log(`first frame median ${ff.toFixed(0)} ms = ${(ff / median(dcls)).toFixed(1)}x the page's own DOMContentLoaded`);
// The budgets are the verdict: any one over makes the benchmark fail (exit 1).
const budgets = [
  ['wasm+js gzip', wasmJsGzip / 1024, 700, 'KB'],
  ['font brotli', fontBrotli / 1024, 320, 'KB'],
  ['first frame', ff, 1500, 'ms'],
];
const over = budgets.filter(([, value, limit]) => !(value <= limit));
console.log(`budgets: ${budgets.map(([name, value, limit, unit]) => `${name} <= ${limit} ${unit} ${value <= limit ? 'ok' : 'OVER'}`).join(', ')}`);
process.exitCode = over.length ? 1 : 0;
console.log(`size: ${over.length ? `FAIL (over: ${over.map(([name]) => name).join(', ')})` : 'PASS'} — ` +
  budgets.map(([name, value, limit, unit]) => `${name} ${value.toFixed(unit === 'ms' ? 0 : 1)}/${limit} ${unit}`).join(', '));

// Shared pieces of the browser tests and page benchmarks: a real huigong-server on a free
// loopback port with a fresh SQLite database, and Debian's Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

// Flags verified on Debian 12: WebGL2 through SwiftShader, and nothing that phones home
// (the machine has no network beyond loopback).
export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
  '--disable-quic', '--disable-features=Translate,MediaRouter', '--disable-default-apps',
];

// The test timeline: every server (--test-now) and every page (window.huigongTestNow) starts
// its clock where this one is, 2026-12-02 12:00:00 CST (a Wednesday, December's claim
// windows open) when the file is loaded, running on at the real rate; so a test sees the same
// calendar on whatever day and hour it runs, and a restarted server does not go back in time.
export const TEST_NOW_MS = Date.UTC(2026, 11, 2, 4, 0, 0);
const timelineStart = Date.now();
export const testNowMs = () => TEST_NOW_MS + (Date.now() - timelineStart);

// Lines a sanitizer prints when it finds a fault (ASan, UBSan, LeakSanitizer): any of them in
// a server's output fails the test that started it.
const SANITIZER_REPORT = /^(==\d+==ERROR: \w+Sanitizer|.*: runtime error: |SUMMARY: \w+Sanitizer)/m;
export function sanitizerReport(output) {
  const m = SANITIZER_REPORT.exec(output);
  return m ? output.slice(Math.max(0, m.index - 200), m.index + 3000) : null;
}

export function required(name) {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set (run through ctest, or see tests/e2e/CMakeLists.txt)`);
  return v;
}

// Starts the server; resolves once it prints "listening on http://ADDR:PORT".
export async function startServer({ bin = required('HUIGONG_SERVER_BIN'), site = required('HUIGONG_SITE_DIR'), db, extra = [] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'huigong-e2e-'));
  const dbPath = db || join(dir, 'huigong.db');
  const testNow = String(Math.floor(testNowMs() / 1000));
  const proc = spawn(bin, ['--addr', '127.0.0.1', '--port', '0', '--db', dbPath, '--site', site, '--demo',
    '--test-now', testNow, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  // Both pipes are read to their end, whatever the test does: a sanitizer report printed as
  // the server stops is still seen. `closed` resolves once they are drained and it exited.
  const closed = new Promise((resolve) => proc.once('close', (code) => resolve(code)));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s:\n' + log)), 30000);
    const onData = (chunk) => {
      log += chunk;
      const m = /listening on (http:\/\/[\d.]+:\d+)/.exec(log);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    };
    proc.stdout.on('data', onData);
    proc.stderr.on('data', (c) => { log += c; });
    proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`server exited with ${code}:\n${log}`)); });
  });
  proc.removeAllListeners('exit');
  return {
    url, dbPath, proc,
    get log() { return log; },
    // SIGTERM, then waits for the exit and the end of its output; throws on a sanitizer report.
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const code = await closed;
      const report = sanitizerReport(log);
      if (report) throw new Error('the server reported a sanitizer error:\n' + report);
      return code;
    },
    cleanup() { rmSync(dir, { recursive: true, force: true }); },
  };
}

// Chromium does not run under libfaketime (scripts/anytime.sh moves the machine's clock that
// way), so it gets the environment without it; the page's clock is the test timeline anyway.
const browserEnv = Object.fromEntries(Object.entries(process.env)
  .filter(([k]) => k !== 'LD_PRELOAD' && !k.startsWith('FAKETIME')));

export async function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...extraArgs], env: browserEnv,
  });
}

// A phone: 375×667 CSS px at 2× density with touch, or a desktop window.
export const PHONE = { viewport: { width: 375, height: 667 }, deviceScaleFactor: 2, hasTouch: true, isMobile: true };
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

export async function waitForFirstFrame(page, timeout = 30000) {
  await page.waitForFunction(() => window.huigong && (window.huigong.firstFrameMs !== null || window.huigong.error), null, { timeout });
  const error = await page.evaluate(() => window.huigong.error);
  if (error) throw new Error('page reported: ' + error);
  // The loading screen fades out over 250 ms; screenshots are of the app, not the fade.
  await page.waitForSelector('#loading', { state: 'hidden', timeout });
}

// A fresh browser context (no cache, no storage) with the app loaded at `path` and drawn.
export async function openApp(browser, url, device, path = '/') {
  const ctx = await browser.newContext(device);
  // The page's clock follows the test timeline (web/bridge.js reads window.huigongTestNow):
  // it starts where the timeline is now, and a reload in this context carries on from there
  // (the browser's own clock only measures the time since, so it may be another machine's).
  await ctx.addInitScript((base) => {
    let origin = Date.now();
    try {
      const key = 'huigong-test-clock-origin';
      const kept = Number(localStorage.getItem(key));
      if (kept) origin = kept; else localStorage.setItem(key, String(origin));
    } catch { /* no storage on this document: start at base */ }
    window.huigongTestNow = base + (Date.now() - origin);
  }, testNowMs());
  const page = await ctx.newPage();
  await page.goto(url + path);
  await waitForFirstFrame(page);
  return { ctx, page };
}

export const trace = (page) => page.evaluate(() => window.huigong.trace());

// Waits until the app's frame trace satisfies `pred`.
export async function waitForTrace(page, pred, what, timeout = 15000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await trace(page);
    if (pred(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`timed out waiting for ${what}; last trace: ${JSON.stringify(last)}`);
}

// Taps (or clicks) the centre of the item labelled `label` in the last frame.
export async function tapItem(page, label, { touch = true } = {}) {
  const t = await trace(page);
  const item = t.items.find((i) => i.label === label);
  if (!item) throw new Error(`no tappable "${label}" on screen ${t.screen}: ${t.items.map((i) => i.label).join(', ')}`);
  const x = item.x + item.w / 2, y = item.y + item.h / 2;
  if (touch) await page.touchscreen.tap(x, y); else await page.mouse.click(x, y);
}

// What a person would notice about a screenshot: how much of it is not background, how many
// colours it has, and the colour at a point.
export function pictureStats(pngBuffer, background = [0xF4, 0xF5, 0xF7]) {
  const png = PNG.sync.read(pngBuffer);
  const colours = new Set();
  let differing = 0;
  for (let i = 0; i < png.data.length; i += 4) {
    const [r, g, b] = [png.data[i], png.data[i + 1], png.data[i + 2]];
    colours.add((r << 16) | (g << 8) | b);
    if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > 24) differing++;
  }
  return {
    width: png.width, height: png.height, colours: colours.size,
    nonBackground: differing / (png.width * png.height),
    at(x, y) { const i = (png.width * y + x) * 4; return [png.data[i], png.data[i + 1], png.data[i + 2]]; },
  };
}

// The phone flows (coupons, bookings) all scroll, type and sign in the same way; kept here
// once so every area's browser test drives the app like the same person would.

// Scrolls the page (mouse wheel over the canvas) until the item is fully on screen.
export async function scrollTo(page, label) {
  for (let i = 0; i < 30; i++) {
    const t = await trace(page);
    const item = t.items.find((x) => x.label === label);
    if (!item) throw new Error(`no "${label}" on ${t.screen}: ${t.items.map((x) => x.label).join(', ')}`);
    if (item.y >= 60 && item.y + item.h <= PHONE.viewport.height) break;
    await page.mouse.move(PHONE.viewport.width / 2, PHONE.viewport.height / 2);
    await page.mouse.wheel(0, item.y + item.h > PHONE.viewport.height ? 200 : -200);
    await page.waitForTimeout(150);
  }
}

// Scrolls the item into view, then taps it.
export async function tapVisible(page, label) {
  await scrollTo(page, label);
  await tapItem(page, label);
}

// Taps the text field shown with `hint`, waits until the app shows it being edited and the
// on-screen keyboard's input has focus (as a person would see before typing), types `text`.
export async function typeInto(page, hint, text) {
  await tapVisible(page, hint);
  await waitForTrace(page, (t) => t.focused === hint, `the field "${hint}" being edited`);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime');
  const before = (await trace(page)).frame;
  await page.keyboard.insertText(text);
  // The text may move what follows (a line appears under the field): wait for a frame that
  // has taken all of it in before anything reads positions again.
  await waitForTrace(page, (t) => t.frame > before && t.pending_input === 0, 'the typed text on screen');
}

// From a screen with the 登录 button: signs in a demo account (password huigong123).
export async function signIn(page, login) {
  await waitForTrace(page, (t) => t.items.some((i) => i.label === '登录'), 'the sign-in button');
  await tapItem(page, '登录');
  await waitForTrace(page, (t) => t.screen === 'account/sign_in', 'the sign-in page');
  await typeInto(page, '会员号或员工账号', login);
  await typeInto(page, '密码', 'huigong123');
  await tapItem(page, '登录');
  await waitForTrace(page, (t) => t.screen === 'account/profile', `${login} signed in`);
}

// Every tappable item at least 44 px both ways and inside the phone's width.
export function assertTouchTargets(t) {
  for (const i of t.items) {
    assert.ok(i.w >= 44 && i.h >= 44, `"${i.label}" is ${i.w}x${i.h} on ${t.screen}`);
    assert.ok(i.x >= -0.5 && i.x + i.w <= PHONE.viewport.width + 0.5, `"${i.label}" runs off screen on ${t.screen}`);
  }
}

// No two tappable items share any pixel (a tap must never be ambiguous).
export function assertNoOverlap(t) {
  for (let i = 0; i < t.items.length; i++) {
    for (let j = i + 1; j < t.items.length; j++) {
      const a = t.items[i], b = t.items[j];
      const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      assert.ok(!overlap, `"${a.label}" overlaps "${b.label}" on ${t.screen}`);
    }
  }
}

// For a describe block: a fresh demo server and one browser, started before its tests and
// closed after them, as suite.server and suite.browser (a test that restarts the server puts
// the new one in suite.server, so it is the one stopped).
export function serverSuite() {
  const suite = { server: null, browser: null };
  before(async () => {
    suite.server = await startServer();
    suite.browser = await launchBrowser();
  });
  after(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    suite.server?.cleanup();
  });
  return suite;
}

// For a describe block of phone tests: serverSuite(), and openPhone() opens the app on a new
// phone against its server.
export function phoneSuite() {
  const suite = serverSuite();
  return { openPhone: () => openApp(suite.browser, suite.server.url, PHONE) };
}

// make bench-idle: what an idle app costs the device. Each client sits on the home screen
// for IDLE_SECONDS (default 60) twice in one run: drawing only when something changes (as
// both clients ship, runner/frame_pacer.h) and drawing every frame (the browser's
// `?draw=always`, the desktop's `--draw always`), the peer it is judged by. CPU is the user + system time
// the kernel charged to the client's processes over the window: every Chromium process of
// the browser (renderer, GPU process with its software renderer, browser), or the desktop
// client under Xvfb with Mesa's software renderer.
// Exits 1 unless each client's idle CPU is at least 10x lower than its draw-always peer.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHONE, launchBrowser, startServer, waitForFirstFrame } from '../tests/e2e/harness.mjs';

const site = process.argv[2] || 'build/wasm-release/site';
const serverBin = process.argv[3] || 'build/native-release/server/huigong-server';
const desktopBin = process.argv[4] || 'build/native-release/native/huigong-desktop';
const SECONDS = Number(process.env.IDLE_SECONDS || 60);
const SETTLE_MS = 5000;  // the home screen's notices and fonts arrive first
const REQUIRED = 10;
const CLK_TCK = 100;     // Linux's USER_HZ: /proc reports CPU time in these ticks

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// pid -> {ppid, ticks} for every process now running.
function processes() {
  const all = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // fields from 3 on
      all.set(Number(name), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch { /* it exited while we looked */ }
  }
  return all;
}

// CPU milliseconds used so far by `root` and all its descendants.
function treeCpuMs(root) {
  const all = processes();
  let ticks = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop();
    const p = all.get(pid);
    if (p) ticks += p.ticks;
    for (const [child, c] of all) if (c.ppid === pid) stack.push(child);
  }
  return ticks * 1000 / CLK_TCK;
}

async function idleWindow(root, frames) {
  const cpu0 = treeCpuMs(root), frames0 = await frames();
  await sleep(SECONDS * 1000);
  return { cpuMs: treeCpuMs(root) - cpu0, frames: (await frames()) - frames0 };
}

function browserPid(serverPid) {
  // Playwright starts Chromium as a child of this Node process, next to the server.
  for (const [pid, p] of processes()) {
    if (p.ppid !== process.pid || pid === serverPid) continue;
    if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('chrom')) return pid;
  }
  throw new Error('cannot find the Chromium process');
}

async function measureWeb(server) {
  const browser = await launchBrowser();
  const root = browserPid(server.proc.pid);
  const results = {};
  try {
    for (const [mode, path] of [['changes', '/'], ['always', '/?draw=always']]) {
      const ctx = await browser.newContext(PHONE);
      const page = await ctx.newPage();
      await page.goto(server.url + path);
      await waitForFirstFrame(page);
      await sleep(SETTLE_MS);
      results[mode] = await idleWindow(root, () => page.evaluate(() => window.huigong.frames()));
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

async function measureDesktop(server) {
  const results = {};
  for (const mode of ['changes', 'always']) {
    const dir = mkdtempSync(join(tmpdir(), 'huigong-idle-'));
    const proc = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', desktopBin, '--server', server.url,
      '--data', dir, '--size', '420x800', '--draw', mode],
      { stdio: 'ignore', detached: true, env: { ...process.env, LIBGL_ALWAYS_SOFTWARE: '1' } });
    try {
      await sleep(SETTLE_MS);
      // xvfb-run's shell, Xvfb and the client: only the client's own time is the app's.
      const all = processes();
      const client = [...all.keys()].find((pid) => {
        try {
          return all.get(pid).ppid === proc.pid && readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith(desktopBin);
        } catch { return false; }
      });
      if (!client) throw new Error('the desktop client did not start');
      results[mode] = await idleWindow(client, async () => 0);
    } finally {
      // The whole group: xvfb-run's shell, its Xvfb and the client.
      const closed = new Promise((r) => proc.once('close', r));
      process.kill(-proc.pid, 'SIGTERM');
      await closed;
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

const server = await startServer({ bin: serverBin, site, extra: ['--quiet'] });
let web, desktop;
try {
  web = await measureWeb(server);
  desktop = await measureDesktop(server);
} finally {
  await server.stop();
  server.cleanup();
}

let pass = true;
for (const [name, r] of [['web (headless Chromium, SwiftShader)', web], ['desktop (Xvfb, llvmpipe)', desktop]]) {
  const ratio = r.always.cpuMs / Math.max(r.changes.cpuMs, 1);
  const frames = (x) => (name.startsWith('web') ? `, ${x.frames} frames drawn` : '');
  console.log(`${name}: idle ${SECONDS} s on the home screen — draw on change ${r.changes.cpuMs.toFixed(0)} ms CPU${frames(r.changes)}; ` +
    `draw always ${r.always.cpuMs.toFixed(0)} ms CPU${frames(r.always)}; ${ratio.toFixed(1)}x less`);
  if (!(ratio >= REQUIRED)) pass = false;
}
console.log(`verdict: ${pass ? 'PASS' : 'FAIL'} (each client at least ${REQUIRED}x less CPU idle than drawing every frame)`);
process.exitCode = pass ? 0 : 1;

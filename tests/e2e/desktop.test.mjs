// The desktop client end to end: a real window under Xvfb (Mesa's llvmpipe OpenGL), talking
// to a real server. The client draws a number of frames, writes the last one as an image and
// prints what it drew; the picture is kept as PNG in $HUIGONG_E2E_OUT.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PNG } from 'pngjs';
import { pictureStats, required, sanitizerReport, startServer, testNowMs } from './harness.mjs';

const run = promisify(execFile);
const OUT = required('HUIGONG_E2E_OUT');
mkdirSync(OUT, { recursive: true });

// Binary PPM (P6) → PNG, so a person can open the picture.
function ppmToPng(buf) {
  const header = buf.toString('latin1', 0, 64).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/);
  assert.ok(header, 'a P6 image');
  const [w, h] = [+header[1], +header[2]];
  const png = new PNG({ width: w, height: h });
  const data = buf.subarray(header[0].length);
  for (let i = 0; i < w * h; i++) {
    png.data[i * 4] = data[i * 3]; png.data[i * 4 + 1] = data[i * 3 + 1]; png.data[i * 4 + 2] = data[i * 3 + 2];
    png.data[i * 4 + 3] = 255;
  }
  return PNG.sync.write(png);
}

test('the desktop client draws the same Chinese home screen, with the server\'s notices', async () => {
  const server = await startServer();
  const data = mkdtempSync(join(tmpdir(), 'huigong-desktop-'));
  try {
    const notices = await (await fetch(server.url + '/api/v1/notices')).json();
    const title = Object.values(notices)[0].notices[0].title_zh;
    const ppm = join(data, 'shot.ppm');
    const { stdout, stderr } = await run('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24',
      required('HUIGONG_DESKTOP_BIN'), '--server', server.url, '--data', data, '--size', '420x800',
      '--test-now', String(Math.floor(testNowMs() / 1000)), '--screenshot', ppm, '--frames', '120'], {
      timeout: 120000,
      // Mesa's GL driver, dlopened and closed again, leaves allocations LeakSanitizer cannot
      // attribute; leaks in our own code are caught by ui_tests, which run without a GPU.
      env: { ...process.env, ASAN_OPTIONS: [process.env.ASAN_OPTIONS, 'detect_leaks=0'].filter(Boolean).join(':') },
    });
    assert.equal(sanitizerReport(stderr), null, 'the desktop client ran without a sanitizer report');
    const t = JSON.parse(stdout.trim().split('\n').pop());
    assert.equal(t.screen, 'home');
    assert.equal(t.lang, 'zh');
    for (const label of ['惠工有礼', '惠工出行', '驿站地图', '福豆商城', '工会通知']) assert.ok(t.labels.includes(label), label);
    assert.ok(t.online, 'the desktop client reached the server');
    assert.ok(t.labels.includes(title), 'and shows its notices');
    const png = ppmToPng(readFileSync(ppm));
    writeFileSync(join(OUT, 'desktop-home-420x800.png'), png);
    const pic = pictureStats(png);
    assert.equal(pic.width, 420);
    assert.ok(pic.colours > 40, `a real picture (${pic.colours} colours)`);
    assert.ok(pic.nonBackground > 0.15, 'content covers the window');
    const [r, g, b] = pic.at(20, 20);
    assert.ok(r > 150 && g < 60 && b < 60, `the header is union red, got ${[r, g, b]}`);
  } finally {
    await server.stop();
    server.cleanup();
    rmSync(data, { recursive: true, force: true });
  }
});

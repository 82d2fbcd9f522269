// The station map in the browser, end to end: the wasm client on a phone viewport against
// the real server. Pins and count bubbles, pan by drag and zoom by wheel; then the server is
// stopped, the page reloaded, and the map, search and details still work from the device's
// copy (IndexedDB) with the data's age shown; a rating made offline is delivered exactly
// once after the server comes back (checked through the API). Screenshots go to
// $HUIGONG_E2E_OUT for a person to look at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  PHONE, launchBrowser, openApp, pictureStats, required, startServer, tapItem, trace, waitForFirstFrame, waitForTrace,
} from './harness.mjs';

const OUT = required('HUIGONG_E2E_OUT');
mkdirSync(OUT, { recursive: true });

const isCount = (l) => /^\d+k?$/.test(l);
const bubbles = (t) => t.items.filter((i) => isCount(i.label));
const stationCount = (t) => bubbles(t).reduce((n, i) => n + (i.label.endsWith('k') ? 1000 * parseInt(i.label) : +i.label), 0);

// The share of a screenshot's pixels within a small distance of a colour.
function share(pngBuffer, [r, g, b]) {
  const png = PNG.sync.read(pngBuffer);
  let n = 0;
  for (let i = 0; i < png.data.length; i += 4)
    if (Math.abs(png.data[i] - r) + Math.abs(png.data[i + 1] - g) + Math.abs(png.data[i + 2] - b) < 10) n++;
  return n / (png.width * png.height);
}

async function openMap(page) {
  await waitForTrace(page, (t) => t.items.some((i) => i.label === '驿站地图'), 'the home tiles');
  await tapItem(page, '驿站地图');
  return waitForTrace(page, (t) => t.screen === 'stations/map' && bubbles(t).length > 0, 'bubbles on the map', 30000);
}

async function ratingCount(url, id) {
  const r = await fetch(`${url}/api/v1/stations/${encodeURIComponent(id)}/ratings`);
  assert.equal(r.status, 200, `ratings of ${id}`);
  return JSON.parse(await r.text()).ratings.aggregate.count;
}

describe('station map (web)', () => {
  let server, first, browser;
  before(async () => {
    server = first = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
    if (first !== server) first?.cleanup();  // the database lived in the first server's folder
  });

  test('a phone shows clustered stations over the base map; drag pans, the wheel zooms', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    let t = await openMap(page);
    await page.waitForTimeout(300);
    const shot = await page.screenshot({ path: join(OUT, 'stations-map-phone.png') });
    const pic = pictureStats(shot);
    assert.ok(pic.colours > 40, `a real picture (${pic.colours} colours)`);
    // Land and sea from the base map both cover a good part of the screen.
    const land = share(shot, [0xF7, 0xF4, 0xEC]), sea = share(shot, [0xDC, 0xEB, 0xF5]);
    assert.ok(land > 0.2, `land drawn (${(land * 100).toFixed(1)}%)`);
    assert.ok(sea > 0.02, `sea drawn (${(sea * 100).toFixed(1)}%)`);
    for (const l of ['搜索驿站、地址，或查看附近', '+', '-', '定位', '使用我的位置']) assert.ok(t.labels.includes(l), l);
    assert.ok(t.labels.includes('福州市'), 'the base map names the prefectures');

    // Drag: every bubble still on screen moves with the finger.
    t = await trace(page);
    const before = bubbles(t).filter((b) => b.x > 60 && b.x < 300 && b.y > 200 && b.y < 500);
    assert.ok(before.length > 0, 'a bubble in the middle of the map');
    await page.mouse.move(190, 330);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++) await page.mouse.move(190 - 6 * i, 330 + 4 * i);
    await page.mouse.up();
    const moved = await waitForTrace(page, (t2) => before.some((b) =>
      bubbles(t2).some((a) => a.label === b.label && Math.abs(a.x - (b.x - 48)) < 3 && Math.abs(a.y - (b.y + 32)) < 3)),
    'the bubbles to follow the drag');
    assert.ok(moved);

    // Wheel in: the bubbles split into smaller ones or single stations.
    const largest = (tr) => Math.max(0, ...bubbles(tr).map((b) => parseInt(b.label)));
    const big = largest(await trace(page));
    await page.mouse.move(187, 330);
    for (let i = 0; i < 6; i++) { await page.mouse.wheel(0, -120); await page.waitForTimeout(50); }
    t = await waitForTrace(page, (tr) => largest(tr) < big, 'smaller clusters after zooming in');
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(OUT, 'stations-map-zoomed.png') });

    // Two fingers moving together (a real multi-touch gesture through the browser's touch
    // events, SDL's finger events and the runner's pinch hook): zoom out again.
    const zoomedIn = largest(t);
    const cdp = await ctx.newCDPSession(page);
    const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: 187 - d, y: 330, id: 1 }, { x: 187 + d, y: 330, id: 2 }],
    });
    await touch('touchStart', 150);
    for (let d = 140; d >= 20; d -= 10) { await touch('touchMove', d); await page.waitForTimeout(16); }
    await touch('touchEnd', 0);
    t = await waitForTrace(page, (tr) => largest(tr) > zoomedIn, 'bigger clusters after pinching in');
    await page.screenshot({ path: join(OUT, 'stations-map-pinched.png') });
    await ctx.close();
  });

  // A finger lifting moves ImGui's pointer away; the next press must say where it is even
  // when SDL sees no movement (the same spot): "‹ 返回" twice from the details page.
  test('a second tap on the same spot counts: back from details, then back again', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    await openMap(page);
    await tapItem(page, '搜索驿站、地址，或查看附近');
    const list = await waitForTrace(page, (tr) => tr.screen === 'stations/list' && tr.items.some((i) => i.label.endsWith('驿站') && i.h > 60), 'the list');
    await tapItem(page, list.items.find((i) => i.label.endsWith('驿站') && i.h > 60).label);
    const details = await waitForTrace(page, (tr) => tr.screen === 'stations/details', 'the details page');
    const back = details.items.find((i) => i.label === '< 返回');
    await tapItem(page, '< 返回');
    const again = await waitForTrace(page, (tr) => tr.screen === 'stations/list', 'the list again');
    const back2 = again.items.find((i) => i.label === '< 返回');
    assert.deepEqual([back2.x, back2.y], [back.x, back.y], 'the back button stays where the finger is');
    await tapItem(page, '< 返回');
    await waitForTrace(page, (tr) => tr.screen === 'stations/map', 'the map after the second tap');
    await ctx.close();
  });

  // Last: it stops and restarts the server.
  test('offline: the map works from the device copy, and a rating made offline arrives once', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    // Sign in as a member (the rating form needs one).
    await waitForTrace(page, (t) => t.items.some((i) => i.label === '登录'), 'the sign-in button');
    await tapItem(page, '登录');
    await waitForTrace(page, (t) => t.screen === 'account/sign_in' && t.items.some((i) => i.label === '密码'), 'the sign-in form');
    await tapItem(page, '会员号或员工账号');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime');
    await page.keyboard.insertText('m001');
    await page.waitForTimeout(200);
    await tapItem(page, '密码');
    await page.waitForTimeout(200);
    await page.keyboard.insertText('huigong123');
    await page.waitForTimeout(200);
    await tapItem(page, '登录');
    await waitForTrace(page, (t) => t.screen === 'account/profile', 'signed in');
    await tapItem(page, '< 返回');
    const online = await openMap(page);
    const total = stationCount(online);

    // The nearest stations to the map's centre; the first one's details give its number.
    await tapItem(page, '搜索驿站、地址，或查看附近');
    let t = await waitForTrace(page, (tr) => tr.screen === 'stations/list' && tr.labels.includes('附近的驿站（由近到远）'), 'the list');
    const rows = t.items.filter((i) => i.label.endsWith('驿站') && i.h > 60);
    assert.ok(rows.length > 0, 'stations listed');
    const name = rows[0].label;
    await tapItem(page, name);
    t = await waitForTrace(page, (tr) => tr.screen === 'stations/details' && tr.labels.includes('编号'), 'the details');
    const id = t.labels[t.labels.indexOf('编号') + 1];
    const before = await ratingCount(server.url, id);  // the demo data has some
    await page.waitForTimeout(1500);  // the snapshot reaches IndexedDB (writes are coalesced)

    const port = new URL(server.url).port;
    assert.equal(await server.stop(), 0);
    await page.reload();
    await waitForFirstFrame(page);
    t = await openMap(page);
    t = await waitForTrace(page, (tr) => tr.labels.some((l) => l.startsWith('离线：显示')), 'the data-age banner');
    assert.equal(stationCount(t) > 0, true);
    assert.ok(Math.abs(stationCount(t) - total) <= total * 0.05 + 5, `the same stations offline (${stationCount(t)} vs ${total})`);
    await page.screenshot({ path: join(OUT, 'stations-map-offline.png') });

    // Search finds the station offline; its details open; rate it.
    await tapItem(page, '搜索驿站、地址，或查看附近');
    await waitForTrace(page, (tr) => tr.screen === 'stations/list' && tr.items.some((i) => i.label === '搜索驿站名称、区县或地址'), 'the list offline');
    await tapItem(page, '搜索驿站名称、区县或地址');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime');
    await page.keyboard.insertText(name);
    await waitForTrace(page, (tr) => tr.items.some((i) => i.label === name), 'the search hit');
    await tapItem(page, name);
    await waitForTrace(page, (tr) => tr.screen === 'stations/details' && tr.labels.includes(id), 'details offline');
    await tapItem(page, '评价这个驿站');
    await waitForTrace(page, (tr) => tr.screen === 'stations/rate' && tr.items.some((i) => i.label === '4星'), 'the form');
    await tapItem(page, '4星');
    await tapItem(page, '干净整洁');
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(OUT, 'stations-rating-form.png') });
    await tapItem(page, '提交评价');
    await waitForTrace(page, (tr) => tr.labels.includes('评价已保存在手机上，联网后会自动提交。'), 'queued offline');
    await page.screenshot({ path: join(OUT, 'stations-rating-offline.png') });
    await page.waitForTimeout(1500);  // the queue reaches IndexedDB

    // The server returns on the same port and database: the queue delivers, once.
    server = await startServer({ db: server.dbPath, extra: ['--port', port] });
    const deadline = Date.now() + 30000;
    let count = before;
    while (Date.now() < deadline && count === before) {
      await page.waitForTimeout(500);
      count = await ratingCount(server.url, id);
    }
    assert.equal(count, before + 1, 'the offline rating arrived');
    await waitForTrace(page, (tr) => !tr.labels.some((l) => l.includes('条评价待提交')), 'the queue to empty');
    await page.waitForTimeout(4000);  // longer than a retry interval: nothing is sent twice
    assert.equal(await ratingCount(server.url, id), before + 1, 'exactly once');
    await ctx.close();
  });
});

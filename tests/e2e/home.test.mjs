// The browser client end to end: a real server with a fresh SQLite database, Debian's
// Chromium with WebGL2 (SwiftShader), and the wasm client as a member would load it.
// Screenshots land in $HUIGONG_E2E_OUT for a person to look at.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DESKTOP, PHONE, assertNoOverlap, assertTouchTargets, launchBrowser, openApp, pictureStats, required, startServer, tapItem, typeInto,
  waitForFirstFrame, waitForTrace,
} from './harness.mjs';

const OUT = required('HUIGONG_E2E_OUT');
mkdirSync(OUT, { recursive: true });
const BRANDS = ['惠工有礼', '惠工文旅', '惠工出行', '惠工运动', '惠工速递', '惠工消费'];
const SERVICES = ['驿站地图', '预约', '福豆商城'];

describe('web client', () => {
  let server, browser, notices;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const r = await fetch(server.url + '/api/v1/notices');
    assert.equal(r.status, 200);
    notices = JSON.parse(await r.text());
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    server?.cleanup();
  });

  const firstNoticeTitle = () => {
    const list = Object.values(notices)[0].notices;
    assert.ok(list.length > 0, 'the demo database has notices');
    return list[0].title_zh;
  };

  test('draws the Chinese home screen on a phone, with the server\'s notices', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    const title = firstNoticeTitle();
    const t = await waitForTrace(page, (t) => t.online && t.labels.includes(title), 'the first notice');
    assert.equal(t.screen, 'home');
    assert.equal(t.lang, 'zh');
    assert.ok(t.labels.some((l) => l.includes('服务器 0.1.0')), 'the server\'s version is shown');
    for (const label of [...BRANDS, ...SERVICES, '惠工', '搜索优惠、驿站、服务', '工会通知']) {
      assert.ok(t.labels.includes(label), `"${label}" was drawn`);
    }
    const shot = await page.screenshot({ path: join(OUT, 'home-phone-375x667.png') });
    const pic = pictureStats(shot);
    assert.equal(pic.width, 750, 'the canvas is drawn at 2x density');
    assert.ok(pic.colours > 40, `a real picture, not a blank canvas (${pic.colours} colours)`);
    assert.ok(pic.nonBackground > 0.15, `content covers the screen (${(pic.nonBackground * 100).toFixed(1)}%)`);
    const [r, g, b] = pic.at(20, 20);
    assert.ok(r > 150 && g < 60 && b < 60, `the header is union red, got ${[r, g, b]}`);
    const ms = await page.evaluate(() => window.huigong.firstFrameMs);
    console.log(`# phone first frame ${ms} ms`);
    await ctx.close();
  });

  test('lays out a centred column in a desktop window', async () => {
    const { ctx, page } = await openApp(browser, server.url, DESKTOP);
    const t = await waitForTrace(page, (t) => t.online, 'online');
    await page.screenshot({ path: join(OUT, 'home-desktop-1280x800.png') });
    const tiles = t.items.filter((i) => BRANDS.includes(i.label));
    assert.equal(tiles.length, 6);
    assert.equal(new Set(tiles.map((i) => Math.round(i.y))).size, 1, 'six brand tiles in one row on a wide screen');
    const left = Math.min(...tiles.map((i) => i.x)), right = Math.max(...tiles.map((i) => i.x + i.w));
    assert.ok(Math.abs(left - (1280 - right)) < 2, `column centred (${left} vs ${1280 - right})`);
    await ctx.close();
  });

  test('switches to English and back by tapping the header', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    await waitForTrace(page, (t) => t.items.some((i) => i.label === 'EN'), 'the EN switch');
    await tapItem(page, 'EN');
    const en = await waitForTrace(page, (t) => t.lang === 'en', 'English');
    assert.ok(en.labels.includes('Union Gifts') && en.labels.includes('Station map'));
    await page.screenshot({ path: join(OUT, 'home-phone-english.png') });
    await tapItem(page, '中文');
    await waitForTrace(page, (t) => t.lang === 'zh' && t.labels.includes('惠工有礼'), 'Chinese again');
    await ctx.close();
  });

  test('typing Chinese goes through the hidden textarea that raises the phone keyboard', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    await waitForTrace(page, (t) => t.items.length > 5, 'tiles');
    await tapItem(page, '搜索优惠、驿站、服务');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime');
    await page.keyboard.insertText('出行');  // what an IME commits
    let t = await waitForTrace(page, (t) => t.labels.includes('“出行”的搜索结果') && t.labels.includes('优惠'), 'search results');
    assert.ok(t.labels.some((l) => l.includes('惠工出行')), 'the 惠工出行 offers');
    assert.ok(!t.labels.some((l) => l.includes('惠工运动')), 'only what matches');
    await page.screenshot({ path: join(OUT, 'search-phone.png') });
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Backspace');
    t = await waitForTrace(page, (t) => t.labels.includes('惠工运动'), 'the home tiles again');
    await ctx.close();
  });

  test('one search finds offers, stations and services, grouped, in Chinese and English', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    await waitForTrace(page, (t) => t.items.length > 5, 'tiles');
    await tapItem(page, '搜索优惠、驿站、服务');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'ime');
    await page.keyboard.insertText('鼓楼');
    let t = await waitForTrace(page, (t) => t.labels.includes('优惠') && t.labels.includes('驿站'), 'the 优惠 and 驿站 groups');
    assert.ok(t.items.filter((i) => i.label.startsWith('鼓楼区')).length >= 3, 'the demo\'s 鼓楼 stations');
    assertTouchTargets(t);
    assertNoOverlap(t);
    await page.screenshot({ path: join(OUT, 'search-gulou-zh-375x667.png') });
    await tapItem(page, 'EN');
    t = await waitForTrace(page, (t) => t.lang === 'en' && t.labels.includes('Offers') && t.labels.includes('Stations'), 'English groups');
    assertTouchTargets(t);
    assertNoOverlap(t);
    await page.screenshot({ path: join(OUT, 'search-gulou-en-375x667.png') });
    await tapItem(page, '中文');
    t = await waitForTrace(page, (t) => t.lang === 'zh' && t.labels.includes('驿站'), 'Chinese again');
    const station = t.items.find((i) => i.label.startsWith('鼓楼区'));
    await tapItem(page, station.label);
    await waitForTrace(page, (t) => t.screen === 'stations/details' && t.labels.includes(station.label), 'the station\'s details');
    await ctx.close();
  });

  test('a deep link to my coupons opens them once the member has signed in', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE, '/coupons/mine');
    await waitForTrace(page, (t) => t.screen === 'account/sign_in', 'the sign-in page');
    await typeInto(page, '会员号或员工账号', 'm001');
    await typeInto(page, '密码', 'huigong123');
    await tapItem(page, '登录');
    await waitForTrace(page, (t) => t.screen === 'coupons/mine' && !t.labels.includes('去登录'), 'my coupons');
    await page.screenshot({ path: join(OUT, 'deep-link-my-coupons.png') });
    await ctx.close();
  });

  test('opens a tile and comes back', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    await waitForTrace(page, (t) => t.items.length > 5, 'tiles');
    await tapItem(page, '福豆商城');
    await waitForTrace(page, (t) => t.screen === 'points_mall' && t.labels.includes('即将开放'), 'the points mall page');
    await tapItem(page, '< 返回');
    await waitForTrace(page, (t) => t.screen === 'home', 'home');
    await ctx.close();
  });

  // Last: it stops the server.
  test('reloads with no network: the service worker serves the shell, the notices come from the device', async () => {
    const { ctx, page } = await openApp(browser, server.url, PHONE);
    const title = firstNoticeTitle();
    await waitForTrace(page, (t) => t.online && t.labels.includes(title), 'the notices');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1200);  // the notices reach IndexedDB (writes are coalesced for 500 ms)
    assert.equal(await server.stop(), 0, 'the server shuts down cleanly on SIGTERM');
    await page.reload();
    await waitForFirstFrame(page);
    const t = await waitForTrace(page, (t) => t.labels.some((l) => l.startsWith('网络不可用')), 'the offline banner');
    assert.ok(t.labels.includes(title), 'the cached notices are still shown');
    assert.ok(t.labels.includes('惠工有礼'));
    await page.screenshot({ path: join(OUT, 'home-phone-offline.png') });
    await ctx.close();
  });
});

test('a browser without WebGL2 gets a readable message instead of a blank page', async () => {
  const server = await startServer();
  const browser = await launchBrowser(['--disable-3d-apis']);
  try {
    const page = await browser.newPage();
    await page.goto(server.url + '/');
    await page.waitForSelector('#problem', { state: 'visible' });
    const text = await page.textContent('#problem');
    assert.match(text, /WebGL2/);
    assert.match(text, /浏览器/);
  } finally {
    await browser.close();
    await server.stop();
    server.cleanup();
  }
});

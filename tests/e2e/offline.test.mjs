// With no signal, a member still has their coupons and bookings: m150 signs in, books a
// health check, claims the fuel coupon and opens 我的券 and 我的预约 once; then the server
// stops and the page reloads (the service worker serves the app, IndexedDB the copies).
// 我的券 lists the coupon with the data's age and shows a code made on the phone; 我的预约
// shows the check-in code. The server comes back on the same database and port, and the
// fuel station's redeem accepts the phone's code once. Screenshots of both pages offline,
// in Chinese and English, land in $HUIGONG_E2E_OUT.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  PHONE, openApp, required, serverSuite, signIn, startServer, tapItem, tapVisible, trace, waitForFirstFrame, waitForTrace,
} from './harness.mjs';

const OUT = required('HUIGONG_E2E_OUT');
mkdirSync(OUT, { recursive: true });
const FUEL = '立即领取##b-fuel';
const MEMBER = 'm150';  // the demo history gives the first 60 members this month's coupons
let keyCounter = 0;

// One JSON call to the API as `login` would make it (token from /auth/login).
async function api(url, method, path, token, body) {
  const headers = { 'Content-Type': 'application/json', 'Idempotency-Key': `offline-e2e-${Date.now()}-${++keyCounter}` };
  if (token) headers.Authorization = `Bearer ${token}`;
  const r = await fetch(url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: r.status, json: await r.json() };
}
async function tokenOf(url, login) {
  const r = await api(url, 'POST', '/api/v1/auth/login', null, { login: { login, password: 'huigong123' } });
  assert.equal(r.status, 200, JSON.stringify(r.json));
  return r.json.session.token;
}
// cereal writes an optional as {"nullopt": false, "data": …}.
const present = (o) => (o && 'data' in o ? o.data : o);

// Books the first free health-check slot of a plan the member may use; its check-in code.
async function bookHealthCheck(url, token) {
  const a = (await api(url, 'GET', '/api/v1/bookings/availability?kind=health_check', token)).json.availability;
  const plan = a.plans.find((p) => p.eligible);
  assert.ok(plan, 'a plan the member may book');
  const slot = a.slots.find((s) => s.slot.plan_id === plan.plan.id && s.free > 0 && s.slot.book_until > a.now);
  assert.ok(slot, 'a free slot');
  const hold = await api(url, 'POST', '/api/v1/bookings/hold', token,
    { hold: { slot_id: slot.slot.id, package_id: plan.plan.packages[0].id, waitlist_if_full: false } });
  assert.equal(hold.status, 200, JSON.stringify(hold.json));
  const id = present(hold.json.hold_result.booking).booking.id;
  const done = await api(url, 'POST', `/api/v1/bookings/${id}/confirm`, token);
  assert.equal(done.status, 200, JSON.stringify(done.json));
  return done.json.booking.checkin_code;
}

// From the home screen: 我的券 through the 惠工出行 tile and its 我的券 shortcut.
async function openMyCoupons(page) {
  await tapItem(page, '惠工出行');
  await waitForTrace(page, (t) => t.screen === 'coupons/campaigns' && t.items.some((i) => i.label === '我的券'), 'the campaigns page');
  await tapItem(page, '我的券');
  await waitForTrace(page, (t) => t.screen === 'coupons/mine', 'my coupons');
}
// From the home screen: 我的预约 through the 预约 tile.
async function openMyBookings(page) {
  await tapItem(page, '预约');
  await waitForTrace(page, (t) => t.screen === 'bookings/menu', 'the bookings menu');
  await tapItem(page, '我的预约');
  await waitForTrace(page, (t) => t.screen === 'bookings/mine', 'my bookings');
}
// Back (the header's button), a page at a time, until the home screen.
async function home(page) {
  for (let i = 0; i < 10; i++) {
    const t = await trace(page);
    if (t.screen === 'home') return;
    await tapItem(page, '< 返回', { touch: false });
    // A click is now and then lost while the page is busy: the loop clicks again if it stays.
    await waitForTrace(page, (n) => n.screen !== t.screen, `leaving ${t.screen}`, 3000).catch(() => {});
  }
  await waitForTrace(page, (t) => t.screen === 'home', 'home');
}
// Switches the app's language with the header's toggle and waits for a frame in it.
async function setLang(page, lang) {
  await tapItem(page, lang === 'en' ? 'EN' : '中文');
  await waitForTrace(page, (t) => t.lang === lang, `the app in ${lang}`);
  await page.waitForTimeout(300);
}

describe('coupons and bookings with no signal', () => {
  const suite = serverSuite();

  test('my coupons and my bookings come from the device, and the phone-made code redeems once', async () => {
    const first = suite.server;
    const { ctx, page } = await openApp(suite.browser, first.url, PHONE);
    await signIn(page, MEMBER);
    const checkin = await bookHealthCheck(first.url, await tokenOf(first.url, MEMBER));
    assert.match(checkin, /^[0-9]{6}$/);

    // Online: claim the fuel coupon, see it under 我的券; open 我的预约 once.
    await home(page);
    await tapItem(page, '惠工出行');
    await waitForTrace(page, (t) => t.items.some((i) => i.label === FUEL), 'the fuel batch');
    await tapVisible(page, FUEL);
    await waitForTrace(page, (t) => t.labels.includes('领取成功'), 'the claim result');
    await tapVisible(page, '继续逛逛');
    await waitForTrace(page, (t) => t.screen === 'coupons/campaigns' && t.items.some((i) => i.label === '我的券'), 'the campaigns');
    await tapItem(page, '我的券');
    await waitForTrace(page, (t) => t.labels.includes('可使用 1'), 'the coupon in my coupons');
    await home(page);
    await openMyBookings(page);
    await waitForTrace(page, (t) => t.labels.includes(checkin), 'the booking in my bookings');
    await page.waitForTimeout(1500);  // the copies reach IndexedDB (writes are coalesced)

    // The server stops; the page reloads from the service worker.
    const port = new URL(first.url).port;
    assert.equal(await first.stop(), 0);
    await page.reload();
    await waitForFirstFrame(page);

    await openMyCoupons(page);
    let t = await waitForTrace(page, (tr) => tr.labels.some((l) => l.startsWith('离线 · ')), 'the data-age note');
    assert.ok(t.labels.includes('可使用 1'), `the coupon listed offline: ${t.labels.join(' | ')}`);
    assert.ok(t.labels.includes('满200减30'));
    assert.ok(!t.labels.includes('正在加载…'));
    assert.ok(!t.labels.some((l) => l.includes('无法连接服务器')), 'no error box over the copy');
    await page.screenshot({ path: join(OUT, 'offline-coupons-mine-zh.png') });
    await setLang(page, 'en');
    t = await waitForTrace(page, (tr) => tr.labels.some((l) => l.startsWith('Offline · updated ')), 'the note in English');
    assert.ok(t.labels.includes('Valid 1'));
    await page.screenshot({ path: join(OUT, 'offline-coupons-mine-en.png') });
    await setLang(page, 'zh');

    // The code, made on the phone.
    t = await trace(page);
    await tapVisible(page, t.items.find((i) => i.label.startsWith('出示券码##')).label);
    t = await waitForTrace(page, (tr) => tr.items.some((i) => i.label === 'QR') && tr.labels.some((l) => /^\d{4} \d{4} \d{4}$/.test(l)),
      'the QR page offline');
    const code = t.labels.find((l) => /^\d{4} \d{4} \d{4}$/.test(l)).replace(/ /g, '');
    assert.ok(t.labels.some((l) => l.endsWith('后刷新')));
    await page.waitForTimeout(1500);  // its fetch fails: still no error over the code
    t = await trace(page);
    assert.ok(!t.labels.some((l) => l.includes('无法连接服务器')), 'no error box over the phone-made code');
    await page.screenshot({ path: join(OUT, 'offline-coupon-qr-zh.png') });

    // 我的预约 offline: the check-in code.
    await home(page);
    await openMyBookings(page);
    t = await waitForTrace(page, (tr) => tr.labels.includes(checkin) && tr.labels.some((l) => l.startsWith('离线 · ')),
      'the check-in code offline');
    assert.ok(!t.labels.includes('正在加载…'));
    assert.ok(!t.labels.some((l) => l.includes('无法连接服务器')));
    await page.screenshot({ path: join(OUT, 'offline-bookings-mine-zh.png') });
    await setLang(page, 'en');
    t = await waitForTrace(page, (tr) => tr.labels.some((l) => l.startsWith('Offline · updated ')) && tr.labels.includes(checkin),
      'my bookings in English');
    await page.screenshot({ path: join(OUT, 'offline-bookings-mine-en.png') });
    await ctx.close();

    // The server returns (same database and port): the fuel station redeems the code, once.
    const server = suite.server = await startServer({ db: first.dbPath, extra: ['--port', port] });
    const staff = await tokenOf(server.url, 'fuel01');
    const body = { redeem: { code, order_fen: 20000 } };
    let r = await api(server.url, 'POST', '/api/v1/coupons/redeem', staff, body);
    assert.equal(r.status, 200, JSON.stringify(r.json));
    assert.equal(r.json.redemption.redemption.price.discount_fen, 3000);
    r = await api(server.url, 'POST', '/api/v1/coupons/redeem', staff, body);
    assert.equal(r.status, 409, JSON.stringify(r.json));
    assert.equal(r.json.coupon_refusal.reason, 'already_used');
    await server.stop();
    first.cleanup();
  });
});

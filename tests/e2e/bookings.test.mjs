// 预约 in the browser on a phone: m001 signs in, books a health check (package → clinic →
// date → time → confirm, with "您付 ¥100，工会付 ¥365" on the confirm card) and finds it
// under 我的预约 with its check-in code; then the locker screen's 18 compartments.
// Screenshots land in $HUIGONG_E2E_OUT for a person to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  PHONE, assertTouchTargets, phoneSuite, pictureStats, required, scrollTo, signIn, tapItem, tapVisible,
  trace, waitForTrace,
} from './harness.mjs';

const OUT = required('HUIGONG_E2E_OUT');
mkdirSync(OUT, { recursive: true });

describe('bookings on a phone', () => {
  const { openPhone } = phoneSuite();

  test('the health-check flow shows the co-pay split before signing in', async () => {
    const { ctx, page } = await openPhone();
    await tapItem(page, '预约');
    let t = await waitForTrace(page, (t) => t.screen === 'bookings/menu', 'the bookings menu');
    assertTouchTargets(t);
    await page.screenshot({ path: join(OUT, 'bookings-menu.png') });
    await tapItem(page, '健康体检');
    t = await waitForTrace(page, (t) => t.labels.includes('1 选择套餐'), 'the packages');
    // Signed out, both plans are offered.
    assert.ok(t.labels.includes('新就业形态劳动者健康体检'));
    await tapVisible(page, '加强体检套餐 ¥545（自付 ¥150）');
    await waitForTrace(page, (t) => t.labels.includes('2 选择体检机构'), 'the clinics');
    await tapVisible(page, '福州市晋安区职工健康中心');
    t = await waitForTrace(page, (t) => t.labels.includes('3 选择日期'), 'the dates');
    await tapVisible(page, t.items.find((i) => /^[0-9]+月[0-9]+日 周/.test(i.label)).label);
    // The first ¥545 button is the members' plan (m001's): its windows are the afternoons.
    t = await waitForTrace(page, (t) => t.items.some((i) => /^14:00-16:30/.test(i.label)), 'the afternoon window');
    await tapVisible(page, t.items.find((i) => /^14:00-16:30/.test(i.label)).label);
    t = await waitForTrace(page, (t) => t.labels.includes('您付 ¥150，工会付 ¥395'), 'the co-pay split');
    await scrollTo(page, '去登录');  // the confirm card, with the sign-in prompt under it
    await page.waitForTimeout(300);
    assertTouchTargets(await trace(page));
    await page.screenshot({ path: join(OUT, 'bookings-health-split.png') });
    await tapItem(page, '去登录');
    await waitForTrace(page, (t) => t.screen === 'account/sign_in', 'the sign-in page');
    await ctx.close();
  });

  test('m001 books a health check and sees it in my bookings', async () => {
    const { ctx, page } = await openPhone();
    await signIn(page, 'm001');
    await tapItem(page, '我的预约');
    let t = await waitForTrace(page, (t) => t.screen === 'bookings/mine', 'my bookings');
    await tapItem(page, '< 返回');
    t = await waitForTrace(page, (t) => t.screen === 'bookings/menu', 'the bookings menu');
    await tapItem(page, '健康体检');
    await waitForTrace(page, (t) => t.labels.includes('1 选择套餐'), 'the packages');
    await tapVisible(page, '基础体检套餐 ¥465（自付 ¥100）');
    await waitForTrace(page, (t) => t.labels.includes('2 选择体检机构'), 'the clinics');
    await tapVisible(page, '福州市鼓楼区职工体检中心');
    t = await waitForTrace(page, (t) => t.labels.includes('3 选择日期'), 'the dates');
    const day = t.items.find((i) => /^[0-9]+月[0-9]+日 周/.test(i.label));
    assert.ok(day, 'a date to choose');
    await tapVisible(page, day.label);
    t = await waitForTrace(page, (t) => t.items.some((i) => /^14:00-16:30/.test(i.label)), 'the afternoon window');
    await tapVisible(page, t.items.find((i) => /^14:00-16:30/.test(i.label)).label);
    t = await waitForTrace(page, (t) => t.labels.includes('您付 ¥100，工会付 ¥365'), 'the co-pay split');
    await tapVisible(page, '确认预约');
    // tapVisible scrolled the confirm card into view: the split is on this screenshot.
    await page.screenshot({ path: join(OUT, 'bookings-health-confirm.png') });
    t = await waitForTrace(page, (t) => t.labels.includes('预约成功'), 'the booking');
    const code = t.labels.find((l) => /^[0-9]{6}$/.test(l));
    assert.ok(code, 'a six-digit check-in code');
    const shot = await page.screenshot({ path: join(OUT, 'bookings-health-booked.png') });
    const pic = pictureStats(shot);
    assert.ok(pic.colours > 40 && pic.nonBackground > 0.1, 'a real picture');
    await tapVisible(page, '查看我的预约');
    t = await waitForTrace(page, (t) => t.screen === 'bookings/mine' && t.labels.includes(code), 'the booking in my bookings');
    assert.ok(t.labels.includes('已确认'));
    assert.ok(t.labels.includes('您付 ¥100，工会付 ¥365'));
    assertTouchTargets(t);
    await page.screenshot({ path: join(OUT, 'bookings-mine.png') });
    await ctx.close();
  });

  test('the locker screen shows 18 compartments with items', async () => {
    const { ctx, page } = await openPhone();
    await tapItem(page, '预约');
    await waitForTrace(page, (t) => t.screen === 'bookings/menu', 'the bookings menu');
    await tapItem(page, '智能柜领物品');
    const t = await waitForTrace(page, (t) => t.items.some((i) => i.label === '1 方便面'), 'the compartments');
    assert.ok(t.labels.includes('16 会员大礼包'));
    assert.ok(t.labels.includes('18 空'));
    assertTouchTargets(t);
    await page.screenshot({ path: join(OUT, 'bookings-lockers.png') });
    await ctx.close();
  });
});

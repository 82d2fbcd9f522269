// 惠工券 in the browser on a phone: a member signs in, claims the fuel coupon from the
// 惠工出行 tile, and opens its QR code; the fuel station's staff signs in on another phone
// and redeems the code for a ¥200 order (满200减30: station ¥10, union ¥20, worker ¥170).
// Screenshots land in $HUIGONG_E2E_OUT for a person to look at.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import {
  PHONE, phoneSuite, required, signIn, tapItem, tapVisible, trace, typeInto, waitForTrace,
} from './harness.mjs';

const OUT = required('HUIGONG_E2E_OUT');
mkdirSync(OUT, { recursive: true });
const FUEL = '立即领取##b-fuel';
const MEMBER = 'm150';  // the demo history gives the first 60 members this month's coupons

// Dark and light pixels inside the QR item's box: a real code was drawn, black on white.
function qrContrast(png, item, scale) {
  let dark = 0, light = 0;
  for (let y = Math.ceil(item.y * scale); y < Math.floor((item.y + item.h) * scale); y += 2)
    for (let x = Math.ceil(item.x * scale); x < Math.floor((item.x + item.w) * scale); x += 2) {
      const i = (png.width * y + x) * 4;
      const v = png.data[i] + png.data[i + 1] + png.data[i + 2];
      if (v < 120) dark++; else if (v > 700) light++;
    }
  return { dark, light };
}

describe('coupons on a phone', () => {
  const { openPhone } = phoneSuite();
  let code;

  test('a member claims the fuel coupon and shows its QR code', async () => {
    const { ctx, page } = await openPhone();
    await signIn(page, MEMBER);
    await tapItem(page, '< 返回');
    await waitForTrace(page, (t) => t.screen === 'home', 'home');
    await tapItem(page, '惠工出行');
    let t = await waitForTrace(page, (t) => t.items.some((i) => i.label === FUEL), 'the fuel batch');
    assert.equal(t.screen, 'coupons/campaigns');
    assert.ok(t.labels.includes('满200减30'));
    assert.ok(t.labels.some((l) => l.startsWith('本期剩余')), 'live stock');
    await page.screenshot({ path: join(OUT, 'coupons-campaigns-phone.png') });

    await tapVisible(page, FUEL);
    t = await waitForTrace(page, (t) => t.labels.includes('领取成功'), 'the claim result');
    await page.screenshot({ path: join(OUT, 'coupons-claimed-phone.png') });
    await tapVisible(page, '去我的券出示');
    t = await waitForTrace(page, (t) => t.items.some((i) => i.label.startsWith('出示券码##')), 'my coupons');
    assert.ok(t.labels.includes('可使用 1'));
    await page.screenshot({ path: join(OUT, 'coupons-mine-phone.png') });
    await tapVisible(page, t.items.find((i) => i.label.startsWith('出示券码##')).label);
    t = await waitForTrace(page, (t) => t.items.some((i) => i.label === 'QR'), 'the QR page');
    const qr = t.items.find((i) => i.label === 'QR');
    assert.ok(qr.w >= 240, `QR code ${qr.w} px wide`);
    code = t.labels.find((l) => /^\d{4} \d{4} \d{4}$/.test(l));
    assert.ok(code, 'the 12-digit code in groups of four');
    assert.ok(t.labels.some((l) => l.endsWith('后刷新')));
    await page.waitForTimeout(300);
    const shot = await page.screenshot({ path: join(OUT, 'coupons-qr-phone.png') });
    const { dark, light } = qrContrast(PNG.sync.read(shot), qr, PHONE.deviceScaleFactor);
    assert.ok(dark > 1000 && light > 1000, `a black-and-white code was drawn (dark ${dark}, light ${light})`);
    await ctx.close();
  });

  test('the fuel station redeems the code and sees the split', async () => {
    assert.ok(code, 'the claim test ran first');
    const { ctx, page } = await openPhone();
    await signIn(page, 'fuel01');
    await tapItem(page, '核销惠工券');
    await waitForTrace(page, (t) => t.screen === 'coupons/redeem', 'the redeem page');
    await typeInto(page, '输入或粘贴12位券码', code);
    await typeInto(page, '例如 200 或 85.50', '200');
    await tapVisible(page, '计算优惠');
    let t = await waitForTrace(page, (t) => t.labels.includes('职工实付'), 'the preview');
    for (const v of ['¥200', '¥30', '¥10', '¥20', '¥170']) assert.ok(t.labels.includes(v), v);
    await page.screenshot({ path: join(OUT, 'coupons-redeem-preview-phone.png') });
    await tapVisible(page, '确认核销 · 收款 ¥170');
    t = await waitForTrace(page, (t) => t.labels.includes('核销成功'), 'redeemed');
    await page.screenshot({ path: join(OUT, 'coupons-redeemed-phone.png') });
    await ctx.close();
  });
});

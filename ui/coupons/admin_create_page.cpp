// 新建活动 (union admin): a campaign (brand, title, partner merchant, dates, union budget)
// and its first batch: the rule (满减 threshold, 折扣 percentage with an optional cap, free up
// to a face value, fixed price), who pays the discount, stock per period, the claim window,
// the per-member limit, who is eligible and how long coupons stay valid. The form builds
// the core models and checks them with core's validate() before sending, so the admin sees
// the same error the server would give, without a round trip.
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/coupons/batch.h"
#include "core/models/brand.h"
#include "ui/coupons/coupon_text.h"
#include "ui/coupons/coupon_widgets.h"
#include "ui/coupons/pages.h"
#include "ui/format.h"
#include "ui/sign_in_gate.h"
#include "ui/theme.h"
#include "ui/widgets.h"

namespace hg::ui::coupons {

namespace {
void copy(char* dst, size_t n, const std::string& s) { std::snprintf(dst, n, "%s", s.c_str()); }

Error field_error(const char* zh, const char* en) { return make_error(Errc::invalid_input, zh, en); }

std::optional<Fen> money(const char* text) {
  const std::optional<Fen> f = parse_yuan(text);
  return f;
}

// "10:00" → seconds after midnight (core's HH:MM rule).
std::optional<std::int32_t> clock_time(const char* text) {
  const std::optional<int> minutes = parse_clock_minutes(text);
  if (!minutes) return std::nullopt;
  return *minutes * 60;
}

std::optional<std::int64_t> whole(const char* text, std::int64_t lo, std::int64_t hi) {
  char* end = nullptr;
  const long long v = std::strtoll(text, &end, 10);
  if (end == text || *end != '\0' || v < lo || v > hi) return std::nullopt;
  return v;
}

void field(const char* name, const char* id, const char* hint, char* buf, size_t n, float width) {
  label(name, theme::kCaptionSize, theme::kMuted);
  text_field(id, hint, buf, n, width);
}

// Two fields side by side. Placed by position rather than SameLine, which would drop the
// second label to the first field's text baseline.
void field_pair(const char* name_a, const char* id_a, const char* hint_a, char* a, size_t na, const char* name_b,
                const char* id_b, const char* hint_b, char* b, size_t nb, float width) {
  const float half = (width - theme::kGap) * 0.5f;
  const float x = ImGui::GetCursorPosX(), y = ImGui::GetCursorPosY();
  ImGui::BeginGroup();
  field(name_a, id_a, hint_a, a, na, half);
  ImGui::EndGroup();
  const float bottom_a = ImGui::GetCursorPosY();
  ImGui::SetCursorPos(ImVec2(x + half + theme::kGap, y));
  ImGui::BeginGroup();
  field(name_b, id_b, hint_b, b, nb, half);
  ImGui::EndGroup();
  ImGui::SetCursorPos(ImVec2(x, std::max(bottom_a, ImGui::GetCursorPosY())));
  ImGui::Dummy(ImVec2(0, 0));
}

constexpr Cycle kCycles[] = {Cycle::once, Cycle::day, Cycle::month, Cycle::year};
}  // namespace

AdminCreatePage::AdminCreatePage(Shared& s) : s_(s) {
  // Sensible defaults: the fuel campaign's shape (满200减30, merchant ¥10, monthly stock,
  // opening 10:00 on the 1st, one per member per month, 30 days' validity).
  const UnixSeconds now = s_.platform.now_ms() / 1000;
  copy(opens_, sizeof opens_, iso_date(now));
  copy(closes_, sizeof closes_, iso_date(now + 365 * 86400));
  copy(threshold_, sizeof threshold_, "200");
  copy(off_, sizeof off_, "30");
  copy(zhe_, sizeof zhe_, "7.5");
  copy(cap_, sizeof cap_, "15");
  copy(face_, sizeof face_, "40");
  copy(price_, sizeof price_, "100");
  copy(merchant_part_, sizeof merchant_part_, "10");
  copy(merchant_share_, sizeof merchant_share_, "30");
  copy(stock_, sizeof stock_, "1000");
  copy(open_day_, sizeof open_day_, "1");
  copy(open_time_, sizeof open_time_, "10:00");
  copy(per_member_, sizeof per_member_, "1");
  copy(days_, sizeof days_, "30");
  copy(valid_from_, sizeof valid_from_, iso_date(now));
  copy(valid_until_, sizeof valid_until_, iso_date(now + 90 * 86400));
}

std::optional<Error> AdminCreatePage::build(UiContext& /*ctx*/, CreateCampaign& cc, Batch& b) const {
  Campaign& c = cc.campaign;
  c.brand = static_cast<Brand>(brand_);
  c.title_zh = title_zh_;
  c.title_en = title_en_[0] ? title_en_ : title_zh_;
  if (c.title_zh.empty()) return field_error("请填写活动名称", "Enter the campaign title");
  if (!merchant_id_[0] || !merchant_zh_[0]) return field_error("请填写合作商户编号和名称", "Enter the partner merchant's id and name");
  c.merchants = {Merchant{merchant_id_, merchant_zh_, merchant_en_[0] ? merchant_en_ : merchant_zh_}};
  const std::optional<UnixSeconds> starts = parse_cst(opens_), ends = parse_cst(closes_);
  if (!starts || !ends) return field_error("日期格式为 2026-12-01", "Dates look like 2026-12-01");
  c.starts_at = *starts;
  c.ends_at = end_of_day_cst(*ends) + 1;
  if (budget_[0]) {
    const std::optional<Fen> budget = money(budget_);
    if (!budget) return field_error("工会预算金额无效", "The union budget is not an amount");
    cc.union_budget_fen = *budget;
  }

  b.title_zh = batch_zh_[0] ? batch_zh_ : title_zh_;
  b.title_en = batch_en_[0] ? batch_en_ : c.title_en;
  CouponItem item;
  item.title_zh = b.title_zh;
  item.title_en = b.title_en;
  item.merchant_ids = {merchant_id_};
  switch (static_cast<RuleKind>(kind_)) {
    case RuleKind::threshold: {
      const std::optional<Fen> x = money(threshold_), y = money(off_);
      if (!x || !y) return field_error("满减金额无效", "The threshold amounts are not valid");
      item.rule = threshold_rule(*x, *y);
      break;
    }
    case RuleKind::percentage: {
      // 7.5折 → the worker pays 75.00 % = 7500 bp; "8.85" allowed. parse_yuan reads two decimals.
      const std::optional<Fen> z = money(zhe_);
      if (!z) return field_error("折扣请填 7.5 这样的数字", "Enter the rate like 7.5 (折)");
      Fen cap = 0;
      if (cap_[0]) {
        const std::optional<Fen> cp = money(cap_);
        if (!cp) return field_error("封顶金额无效", "The cap is not an amount");
        cap = *cp;
      }
      item.rule = percentage_rule(static_cast<std::int32_t>(*z * 10), cap);
      break;
    }
    case RuleKind::free_up_to: {
      const std::optional<Fen> f = money(face_);
      if (!f) return field_error("面值无效", "The face value is not an amount");
      item.rule = free_up_to_rule(*f);
      break;
    }
    case RuleKind::fixed_price: {
      const std::optional<Fen> p = money(price_);
      if (!p) return field_error("一口价无效", "The fixed price is not an amount");
      item.rule = fixed_price_rule(*p);
      break;
    }
  }
  if (funding_mode_ == 0) {
    const std::optional<Fen> m = money(merchant_part_);
    if (!m) return field_error("商家承担金额无效", "The merchant's part is not an amount");
    item.funding = fixed_split(Funder::merchant, *m);
  } else {
    const std::optional<std::int64_t> pct = whole(merchant_share_, 0, 100);
    if (!pct) return field_error("商家承担比例为 0-100 的整数", "The merchant's share is a whole percent, 0-100");
    item.funding = shares_split(static_cast<std::int32_t>(*pct * 100), static_cast<std::int32_t>((100 - *pct) * 100));
  }
  b.items = {item};

  const std::optional<std::int64_t> stock = whole(stock_, 1, 100'000'000);
  if (!stock) return field_error("每期库存为正整数", "Stock per period is a positive whole number");
  b.stock.cycle = kCycles[stock_cycle_];
  b.stock.per_period = *stock;

  if (window_kind_ == 0) {
    b.window = fixed_window(c.starts_at, c.ends_at);
  } else {
    const std::optional<std::int64_t> day = whole(open_day_, 1, 31);
    const std::optional<std::int32_t> at = clock_time(open_time_);
    if (!day || !at) return field_error("开抢日为 1-31，时间如 10:00", "Opening day 1-31 and a time like 10:00");
    b.window = monthly_window(c.starts_at, static_cast<std::int32_t>(*day), *at);
    b.window.closes_at = c.ends_at;
  }
  const std::optional<std::int64_t> per = whole(per_member_, 1, 1000);
  if (!per) return field_error("每人限领为正整数", "The per-member limit is a positive whole number");
  b.limit.cycle = kCycles[limit_cycle_];
  b.limit.per_member = static_cast<std::int32_t>(*per);

  b.eligibility.groups.clear();
  if (!groups_[0])
    for (int g = 1; g < 4; ++g)
      if (groups_[g]) b.eligibility.groups.push_back(static_cast<MemberGroup>(g));
  if (!groups_[0] && b.eligibility.groups.empty())
    return field_error("请至少选择一个领取人群", "Choose at least one member group");

  if (validity_kind_ == 1) {
    const std::optional<std::int64_t> d = whole(days_, 1, 3660);
    if (!d) return field_error("有效天数为正整数", "Validity days is a positive whole number");
    b.validity.kind = ValidityKind::days_after_claim;
    b.validity.days = static_cast<std::int32_t>(*d);
  } else {
    const std::optional<UnixSeconds> f = parse_cst(valid_from_), u = parse_cst(valid_until_);
    if (!f || !u) return field_error("有效期日期格式为 2026-12-31", "Validity dates look like 2026-12-31");
    b.validity.kind = ValidityKind::fixed;
    b.validity.valid_from = *f;
    b.validity.valid_until = end_of_day_cst(*u);
  }
  // The same checks the server runs (core), with a placeholder id for the new campaign.
  c.id = campaign_id_.empty() ? "new" : campaign_id_;
  b.campaign_id = c.id;
  b.id = "new";
  if (std::optional<Error> e = validate(c)) return e;
  if (std::optional<Error> e = validate(b, c)) return e;
  if (campaign_id_.empty()) c.id.clear();
  b.id.clear();
  return std::nullopt;
}

void AdminCreatePage::submit(UiContext& ctx) {
  if (busy_) return;
  CreateCampaign cc;
  Batch b;
  error_ = Error{};
  done_.clear();
  if (std::optional<Error> e = build(ctx, cc, b)) {
    error_ = *e;
    return;
  }
  busy_ = true;
  // Step 2: the batch, under the campaign's id.
  auto send_batch = [this](Batch batch) {
    batch.campaign_id = campaign_id_;
    if (key_.empty()) key_ = s_.session.new_idempotency_key();
    CreateBatch cb{batch};
    call<BatchView>(s_.session, post_request(std::string(kApi) + "/admin/batches", to_json(kCreateBatchJson, cb), key_),
                    kBatchJson, [this](Answer<BatchView> a) {
                      busy_ = false;
                      if (a.status != 0) key_.clear();
                      if (a.ok()) {
                        done_ = a.value->batch.id;
                        campaign_id_.clear();  // the next submit is a new campaign
                        s_.campaigns_stale = true;
                      } else {
                        error_ = a.error;
                      }
                    });
  };
  if (!campaign_id_.empty()) {  // the campaign was created; only the batch failed
    send_batch(b);
    return;
  }
  if (key_.empty()) key_ = s_.session.new_idempotency_key();
  call<CampaignView>(s_.session,
                     post_request(std::string(kApi) + "/admin/campaigns", to_json(kCreateCampaignJson, cc), key_),
                     kCampaignJson, [this, b, send_batch](Answer<CampaignView> a) {
                       if (a.status != 0) key_.clear();
                       if (!a.ok()) {
                         busy_ = false;
                         error_ = a.error;
                         return;
                       }
                       campaign_id_ = a.value->campaign.id;
                       send_batch(b);
                     });
}

void AdminCreatePage::draw(UiContext& ctx, float width) {
  const Lang lang = ctx.lang;
  const bool zh = lang == Lang::zh;
  label(L(lang, "新建活动", "New campaign"), theme::kTitleSize, theme::kText);
  if (!sign_in_gate(ctx, {Role::union_admin}, L(lang, "请用工会管理员账号登录。", "Sign in with a union admin account."), width))
    return;
  const float inner = width - 24;

  section_title(L(lang, "活动", "Campaign"));
  card_begin(width);
  label(L(lang, "品牌", "Brand"), theme::kCaptionSize, theme::kMuted);
  const char* brands[kBrandCount];
  for (int i = 0; i < kBrandCount; ++i) brands[i] = zh ? brand_info(static_cast<Brand>(i)).zh : brand_info(static_cast<Brand>(i)).en;
  choice_grid("##brand", brands, kBrandCount, &brand_, inner);
  field(L(lang, "活动名称", "Title (Chinese)"), "##tzh", L(lang, "如：加油惠工月", "e.g. 加油惠工月"), title_zh_, sizeof title_zh_, inner);
  field(L(lang, "英文名称（可选）", "Title (English, optional)"), "##ten", "Fuel month", title_en_, sizeof title_en_, inner);
  field_pair(L(lang, "商户编号", "Merchant id"), "##mid", "m-fuel-01", merchant_id_, sizeof merchant_id_,
             L(lang, "商户名称", "Merchant name"), "##mzh", L(lang, "如：鼓楼加油站", "e.g. 鼓楼加油站"), merchant_zh_,
             sizeof merchant_zh_, inner);
  field_pair(L(lang, "开始日期", "Starts"), "##opens", "2026-12-01", opens_, sizeof opens_, L(lang, "结束日期", "Ends"),
             "##closes", "2027-12-31", closes_, sizeof closes_, inner);
  field(L(lang, "工会补贴预算（元，可选）", "Union budget (yuan, optional)"), "##budget", "600000", budget_, sizeof budget_, inner);
  card_end(width);

  section_title(L(lang, "券与规则", "Coupon and rule"));
  card_begin(width);
  field(L(lang, "券名称（默认同活动）", "Coupon title (default: the campaign's)"), "##bzh",
        L(lang, "如：加油满200减30", "e.g. 加油满200减30"), batch_zh_, sizeof batch_zh_, inner);
  const char* kinds[] = {L(lang, "满减", "Threshold"), L(lang, "折扣", "Percent"), L(lang, "免费", "Free"),
                         L(lang, "一口价", "Fixed price")};
  choice_grid("##kind", kinds, 4, &kind_, inner);
  switch (kind_) {
    case 0:
      field_pair(L(lang, "满（元）", "Order of (yuan)"), "##thr", "200", threshold_, sizeof threshold_,
                 L(lang, "减（元）", "Off (yuan)"), "##off", "30", off_, sizeof off_, inner);
      break;
    case 1:
      field_pair(L(lang, "折扣（折）", "Rate (折)"), "##zhe", "7.5", zhe_, sizeof zhe_, L(lang, "最高减（元，可空）", "Cap (yuan)"),
                 "##cap", "15", cap_, sizeof cap_, inner);
      break;
    case 2: field(L(lang, "面值（元）", "Face value (yuan)"), "##face", "40", face_, sizeof face_, inner); break;
    default: field(L(lang, "职工支付（元）", "Worker pays (yuan)"), "##price", "100", price_, sizeof price_, inner); break;
  }
  label(L(lang, "优惠由谁承担", "Who pays the discount"), theme::kCaptionSize, theme::kMuted);
  const char* modes[] = {L(lang, "商家固定金额", "Merchant: fixed"), L(lang, "按比例分摊", "By shares")};
  choice_grid("##fund", modes, 2, &funding_mode_, inner);
  if (funding_mode_ == 0)
    field(L(lang, "商家每张承担（元），其余工会补贴", "Merchant pays per coupon (yuan); the union the rest"), "##mpart", "10",
          merchant_part_, sizeof merchant_part_, inner);
  else
    field(L(lang, "商家承担比例（%），其余工会补贴", "Merchant's share (%); the union the rest"), "##mshare", "30",
          merchant_share_, sizeof merchant_share_, inner);
  const std::string example = [&] {
    CreateCampaign cc;
    Batch b;
    if (build(ctx, cc, b) || b.items.empty()) return std::string();
    return (zh ? "示例：" : "Example: ") + rule_text(b.items.front().rule, lang);
  }();
  if (!example.empty()) label(example.c_str(), theme::kCaptionSize, theme::kPrimary);
  card_end(width);

  section_title(L(lang, "库存与领取", "Stock and claims"));
  card_begin(width);
  const char* cycles[] = {L(lang, "不补充", "Once"), L(lang, "每天", "Daily"), L(lang, "每月", "Monthly"), L(lang, "每年", "Yearly")};
  label(L(lang, "库存周期（北京时间）", "Stock refills (CST)"), theme::kCaptionSize, theme::kMuted);
  choice_grid("##scycle", cycles, 4, &stock_cycle_, inner);
  field(L(lang, "每期库存（份）", "Stock per period"), "##stock", "20000", stock_, sizeof stock_, inner);
  label(L(lang, "开抢时间", "Claim window"), theme::kCaptionSize, theme::kMuted);
  const char* windows[] = {L(lang, "活动期间随时", "Any time in the dates"), L(lang, "每月定时开抢", "Monthly rush")};
  choice_grid("##window", windows, 2, &window_kind_, inner);
  if (window_kind_ == 1)
    field_pair(L(lang, "每月几号", "Day of month"), "##oday", "1", open_day_, sizeof open_day_, L(lang, "几点", "Time"),
               "##otime", "10:00", open_time_, sizeof open_time_, inner);
  label(L(lang, "每人限领周期", "Per-member limit period"), theme::kCaptionSize, theme::kMuted);
  choice_grid("##lcycle", cycles, 4, &limit_cycle_, inner);
  field(L(lang, "每人限领（份）", "Claims per member"), "##per", "1", per_member_, sizeof per_member_, inner);
  label(L(lang, "领取人群", "Who can claim"), theme::kCaptionSize, theme::kMuted);
  const char* groups[] = {L(lang, "全体会员", "All members"), L(lang, "新就业形态", "Gig workers"), L(lang, "青年职工", "Young workers"),
                          L(lang, "劳动模范", "Model workers")};
  toggle_grid("##groups", groups, 4, groups_, inner);
  card_end(width);

  section_title(L(lang, "有效期", "Validity"));
  card_begin(width);
  const char* validity[] = {L(lang, "固定日期", "Fixed dates"), L(lang, "领取后N天", "N days after claim")};
  choice_grid("##validity", validity, 2, &validity_kind_, inner);
  if (validity_kind_ == 1)
    field(L(lang, "有效天数（含领取当天，至23:59:59）", "Days, the claim day included, until 23:59:59"), "##days", "30", days_,
          sizeof days_, inner);
  else
    field_pair(L(lang, "起", "From"), "##vfrom", "2026-12-01", valid_from_, sizeof valid_from_, L(lang, "止", "Until"),
               "##vuntil", "2026-12-31", valid_until_, sizeof valid_until_, inner);
  card_end(width);

  if (!error_.zh.empty()) message_box(error_.message(zh).c_str(), true, width);
  if (!done_.empty()) {
    const std::string ok = std::string(zh ? "已创建，券批次 " : "Created: batch ") + done_;
    message_box(ok.c_str(), false, width);
  }
  if (busy_)
    inactive_button(L(lang, "正在创建…", "Creating…"), width);
  else if (primary_button(L(lang, "创建活动", "Create campaign"), width))
    submit(ctx);
}

}  // namespace hg::ui::coupons

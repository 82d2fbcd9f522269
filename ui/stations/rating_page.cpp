// The rating form (what a station's QR code, /s/<id>, opens): stars, tag chips and a short
// comment. Needs a signed-in member. Submitting queues the rating on the device with its
// Idempotency-Key (RatingQueue), so it reaches the server exactly once, now or later.
#include <imgui.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "core/stations/rating.h"
#include "ui/sign_in_gate.h"
#include "ui/stations/pages.h"
#include "ui/stations/rating_body.h"
#include "ui/stations/station_text.h"
#include "ui/stations/station_widgets.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::stations {

using hg::stations::RatingTag;

void RatingPage::start(const std::string& station_id) {
  station_id_ = station_id;
  stars_ = 0;
  tags_ = 0;
  std::memset(comment_, 0, sizeof comment_);
  error_.clear();
  key_.clear();
  sent_ = false;
}

void RatingPage::draw(UiContext& ctx, float width) {
  const hg::stations::Station* st = s_.station(station_id_);
  if (!st && s_.store.empty()) {
    label(L(ctx.lang, "正在获取驿站信息…", "Loading the station..."), theme::kBodySize, theme::kMuted);
    return;
  }
  if (!st) {
    message_box(L(ctx.lang, "找不到这个驿站，二维码可能已失效。", "Station not found: the QR code may be out of date."), true, width);
    return;
  }
  section_title(L(ctx.lang, "评价驿站", "Rate the station"));
  label(st->name.c_str(), theme::kBodySize, theme::kText, width);
  ImGui::Dummy(ImVec2(0, 6));

  if (!sign_in_gate(ctx, {Role::member},
                    s_.session.signed_in() ? L(ctx.lang, "只有工会会员可以评价驿站。请用会员账号登录。", "Only union members can rate stations. Sign in with a member account.")
                                           : L(ctx.lang, "评价前请先登录会员账号。", "Please sign in as a member to rate this station."),
                    width))
    return;

  if (sent_) return draw_sent(ctx, width);

  card_begin(width);
  label(L(ctx.lang, "打分", "Stars"), theme::kBodySize, theme::kText);
  if (const int tapped = star_row(stars_, 44.0f)) stars_ = tapped;
  label(L(ctx.lang, "印象（可多选）", "Tags (any)"), theme::kBodySize, theme::kText);
  chips_begin(width - 24);
  for (int t = 0; t < kRatingTagCount; ++t) {
    const std::uint8_t bit = static_cast<std::uint8_t>(1u << t);
    if (chip(tag_name(static_cast<RatingTag>(t), ctx.lang), tags_ & bit)) tags_ ^= bit;
  }
  chips_end();
  ImGui::Dummy(ImVec2(0, 4));
  label(L(ctx.lang, "留言（选填，最多140字）", "Comment (optional, up to 140 characters)"), theme::kBodySize, theme::kText);
  text_field("##comment", L(ctx.lang, "说说您的感受", "Tell us more"), comment_, sizeof comment_, width - 24);
  card_end(width);

  if (!error_.empty()) message_box(error_.c_str(), true, width);
  if (primary_button(L(ctx.lang, "提交评价", "Submit"), width)) submit(ctx, *st);
}

// Queues the rating on the device with its Idempotency-Key, or says what is wrong with it.
void RatingPage::submit(UiContext& ctx, const hg::stations::Station& st) {
  hg::stations::Rating r;
  r.station_id = st.id;
  r.member_id = s_.session.info().subject;
  r.at = ctx.now_ms / 1000;
  r.stars = stars_;
  r.tags = tags_;
  r.comment = comment_;
  if (std::optional<Error> e = hg::stations::validate(r)) {
    error_ = e->message(ctx.lang == Lang::zh);
    return;
  }
  error_.clear();
  QueuedRating q;
  q.station_id = st.id;
  q.station_name = st.name;
  q.account_id = s_.session.info().account_id;
  key_ = s_.session.new_idempotency_key();
  q.idempotency_key = key_;
  q.body = rating_body(r);
  q.queued_ms = ctx.now_ms;
  s_.queue.add(std::move(q));
  sent_ = true;
}

// What became of the rating: thanks only once the server took it; the server's refusal in
// the member's language; or, while it waits on the device, that it will be sent.
void RatingPage::draw_sent(UiContext& ctx, float width) {
  card_begin(width);
  if (const RatingOutcome* o = s_.queue.outcome(key_)) {
    if (o->delivered) {
      label(L(ctx.lang, "感谢您的评价！", "Thank you for your rating!"), theme::kRowSize, theme::kOnline, width - 24);
    } else {
      label(o->error.message(ctx.lang == Lang::zh).c_str(), theme::kRowSize, theme::kPrimaryDark, width - 24);
      s_.outcome_said(key_);
    }
  } else if (s_.queue.retrying() || s_.store.sync() == StationStore::Sync::offline) {
    label(L(ctx.lang, "评价已保存在手机上，联网后会自动提交。", "Saved on this device; it will be sent once you are online."),
          theme::kRowSize, theme::kWarning, width - 24);
  } else {
    label(L(ctx.lang, "正在提交评价…", "Sending your rating..."), theme::kRowSize, theme::kMuted, width - 24);
  }
  ImGui::Dummy(ImVec2(0, 8));
  if (primary_button(L(ctx.lang, "返回驿站", "Back to the station"), width - 24)) {
    s_.selected = station_id_;
    s_.stack.reset({Page::map, Page::details});
  }
  card_end(width);
}

}  // namespace hg::ui::stations

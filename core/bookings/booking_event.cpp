#include "core/bookings/booking_event.h"

namespace hg {

std::string event_text(const BookingEvent& e, bool zh) {
  const std::string m = e.member_id, s = e.slot_id;
  using K = BookingEventKind;
  switch (e.kind) {
    case K::held: return zh ? "会员 " + m + " 占位（时段 " + s + "）" : "member " + m + " holds a place in slot " + s;
    case K::confirmed: return zh ? "会员 " + m + " 确认预约（时段 " + s + "）" : "member " + m + " confirmed slot " + s;
    case K::checked_in: return zh ? "会员 " + m + " 已签到（时段 " + s + "）" : "member " + m + " checked in to slot " + s;
    case K::cancelled: return zh ? "会员 " + m + " 取消预约，名额释放（时段 " + s + "）"
                                 : "member " + m + " cancelled; the place in slot " + s + " is free";
    case K::hold_expired: return zh ? "会员 " + m + " 占位超时，名额释放（时段 " + s + "）"
                                    : "member " + m + "'s hold on slot " + s + " ran out; the place is free";
    case K::no_show: return zh ? "会员 " + m + " 爽约（时段 " + s + "）" : "member " + m + " did not show up for slot " + s;
    case K::waitlisted: return zh ? "会员 " + m + " 加入候补（时段 " + s + "）" : "member " + m + " joined the waitlist of slot " + s;
    case K::left_waitlist: return zh ? "会员 " + m + " 退出候补（时段 " + s + "）" : "member " + m + " left the waitlist of slot " + s;
    case K::promoted: return zh ? "会员 " + m + " 由候补转为占位（时段 " + s + "）"
                                : "promoted member " + m + " from the waitlist of slot " + s;
    case K::waitlist_dropped: return zh ? "会员 " + m + " 移出候补：" + e.reason_zh
                                        : "member " + m + " dropped from the waitlist: " + e.reason_en;
    case K::member_blocked: return zh ? "会员 " + m + " 因爽约暂停预约至 " + format_cst(e.until)
                                      : "member " + m + " may not book until " + format_cst(e.until) + " after no-shows";
  }
  return {};
}

}  // namespace hg

#include "core/bookings/booking_errors.h"

#include <string>

namespace hg {

namespace {
struct Text {
  BookingErrc reason;
  Errc code;
  const char* key;  // Error::reason, sent on the wire
  const char* zh;
  const char* en;
};
constexpr Text kTexts[] = {
    {BookingErrc::slot_not_found, Errc::not_found, "slot_not_found", "没有这个预约时段", "There is no such slot"},
    {BookingErrc::booking_not_found, Errc::not_found, "booking_not_found", "没有这条预约", "There is no such booking"},
    {BookingErrc::plan_not_found, Errc::not_found, "plan_not_found", "没有这个服务计划", "No such plan"},
    {BookingErrc::package_not_found, Errc::invalid_input, "package_not_found", "请选择本计划中的套餐", "Choose a package of this plan"},
    {BookingErrc::invalid_slot, Errc::invalid_input, "invalid_slot", "预约时段设置有误", "The slot is not set up correctly"},
    {BookingErrc::invalid_plan, Errc::invalid_input, "invalid_plan", "服务计划设置有误", "The plan is not set up correctly"},
    {BookingErrc::duplicate_id, Errc::conflict, "duplicate_id", "编号已存在", "That id is already in use"},
    {BookingErrc::slot_full, Errc::conflict, "slot_full", "该时段已约满，可加入候补", "This slot is full; you can join the waitlist"},
    {BookingErrc::already_booked, Errc::conflict, "already_booked", "您已预约该时段", "You already have a booking in this slot"},
    {BookingErrc::already_waitlisted, Errc::conflict, "already_waitlisted", "您已在候补名单中", "You are already on the waitlist"},
    {BookingErrc::not_waitlisted, Errc::not_found, "not_waitlisted", "您不在候补名单中", "You are not on the waitlist"},
    {BookingErrc::places_available, Errc::conflict, "places_available", "该时段尚有名额，请直接预约",
     "This slot still has places; book it directly"},
    {BookingErrc::booking_closed, Errc::conflict, "booking_closed", "该时段已停止预约", "Booking for this slot has closed"},
    {BookingErrc::not_eligible, Errc::forbidden, "not_eligible", "该服务仅面向新就业形态劳动者（外卖骑手、网约车司机、快递员）",
     "This service is for new-employment-form workers (delivery riders, ride-hailing drivers, couriers)"},
    {BookingErrc::allowance_used, Errc::conflict, "allowance_used", "本期预约次数已用完", "You have used your allowance for this period"},
    {BookingErrc::quota_exhausted, Errc::conflict, "quota_exhausted", "今年的名额已全部约完", "All places for this year are taken"},
    {BookingErrc::member_blocked, Errc::forbidden, "member_blocked", "因多次爽约，预约功能暂停使用",
     "Booking is paused after repeated no-shows"},
    {BookingErrc::illegal_transition, Errc::conflict, "illegal_transition", "预约状态不允许此操作",
     "This booking cannot do that in its current state"},
    {BookingErrc::hold_expired, Errc::conflict, "hold_expired", "占位已超时，请重新预约", "Your hold has run out; please book again"},
    {BookingErrc::cancel_cutoff_passed, Errc::conflict, "cancel_cutoff_passed", "已过取消截止时间", "The cancellation deadline has passed"},
    {BookingErrc::slot_not_ended, Errc::conflict, "slot_not_ended", "时段尚未结束，不能记为爽约",
     "The slot has not ended yet, so it cannot be a no-show"},
    {BookingErrc::slot_ended, Errc::conflict, "slot_ended", "该时段已结束", "This slot has already ended"},
    {BookingErrc::check_in_not_open, Errc::conflict, "check_in_not_open", "签到当天才开放", "Check-in opens on the day of the slot"},
    {BookingErrc::wrong_copay, Errc::invalid_input, "wrong_copay", "自付金额与套餐不符", "The co-pay does not match the package"},
    {BookingErrc::compartment_not_found, Errc::not_found, "compartment_not_found", "没有这个柜格", "No such compartment"},
    {BookingErrc::compartment_empty, Errc::conflict, "compartment_empty", "该柜格暂无物品", "This compartment is empty"},
    {BookingErrc::compartment_taken, Errc::conflict, "compartment_taken", "该柜格物品已被预约", "This compartment's item is already reserved"},
    {BookingErrc::invalid_item, Errc::invalid_input, "invalid_item", "物品信息有误", "The item is not described correctly"},
    {BookingErrc::wrong_code, Errc::forbidden, "wrong_code", "取件码不正确", "Wrong pickup code"},
    {BookingErrc::code_expired, Errc::conflict, "code_expired", "取件码已过期", "This pickup code has expired"},
    {BookingErrc::code_used, Errc::conflict, "code_used", "取件码已使用", "This pickup code has already been used"},
    {BookingErrc::no_code_available, Errc::unavailable, "no_code_available", "暂时无法生成取件码，请稍后再试",
     "Could not make a pickup code; please try again"},
};

const Text& text(BookingErrc reason) {
  for (const Text& t : kTexts)
    if (t.reason == reason) return t;
  return kTexts[0];
}

}  // namespace

const char* booking_reason(BookingErrc reason) { return text(reason).key; }

Error booking_error(BookingErrc reason) {
  const Text& t = text(reason);
  return make_error(t.code, t.zh, t.en, t.key);
}

Error member_blocked_error(UnixSeconds until) {
  Error e = booking_error(BookingErrc::member_blocked);
  const std::string when = format_cst(until);
  e.zh += "，恢复时间：" + when + "（北京时间）";
  e.en += " until " + when + " (China time)";
  return e;
}

Error illegal_transition_error(BookingState from, BookingState to) {
  Error e = booking_error(BookingErrc::illegal_transition);
  e.zh += std::string("：") + state_zh(from) + " → " + state_zh(to);
  e.en += std::string(": ") + state_en(from) + " → " + state_en(to);
  return e;
}

Error wrong_copay_error(Fen expected) {
  Error e = booking_error(BookingErrc::wrong_copay);
  e.zh += "，应收 " + format_yuan(expected);
  e.en += "; collect " + format_yuan(expected);
  return e;
}

bool is_booking_error(const Error& e, BookingErrc reason) {
  const Text& t = text(reason);
  return e.code == t.code && e.reason == t.key;
}

}  // namespace hg

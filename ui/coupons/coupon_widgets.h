// Small drawing pieces the coupon screens share (on top of ui/widgets.h): tabs, a brand
// chip, amount rows, a stock bar, the big coupon figure. All touch targets are at least
// theme::kTouch; every label is recorded in the frame trace.
#pragma once
#include <imgui.h>

#include <string>

#include "core/cst_time.h"
#include "core/error.h"
#include "core/money.h"
#include "ui/i18n.h"

namespace hg::ui::coupons {

// Equal-width tabs across `width`; returns true when the selection changed.
bool tabs(const char* id, const char* const* labels, int count, int* current, float width);
// Options as toggle buttons in as many columns as fit (each at least kTouch square); the
// chosen one is filled. `multi`: each toggles on its own (`on` has `count` flags).
bool choice_grid(const char* id, const char* const* labels, int count, int* current, float width);
bool toggle_grid(const char* id, const char* const* labels, int count, bool* on, float width);
// A rounded chip with coloured text on a pale tint of the colour.
void chip(const char* text, ImU32 color);
// "订单金额 ............ ¥200.00" across `width`.
void amount_row(const char* name, Fen fen, float width, ImU32 color, bool strong = false);
// A thin bar, `fraction` (0…1) filled.
void stock_bar(float fraction, float width, ImU32 color);
// Label on the left, value on the right, one line.
void key_value(const char* key, const char* value, float width);
// A centred line of text in the column.
void centred_label(const char* text, float size, ImU32 color, float width);
// [上月]  2026-12（北京时间）  [下月] across `width`; returns true when the month changed.
bool month_switcher(YearMonth& month, Lang lang, float width);
// Before a page's first answer (the campaigns and my-coupons lists): the error with a retry
// button, or "loading" while there is none. Returns true when retry is tapped.
bool first_answer_pending(const Error& error, Lang lang, float width);

}  // namespace hg::ui::coupons

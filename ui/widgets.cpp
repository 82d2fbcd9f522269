#include "ui/widgets.h"

#include <algorithm>

#include "core/text_wrap.h"
#include "ui/theme.h"
#include "ui/trace.h"

namespace hg::ui {

namespace {
// Set once a finger has dragged the page in this gesture; the press that started the drag
// must then not count as a tap on whatever tile it began on.
bool g_drag_scrolled = false;

void trace_last_item(const char* text) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  trace_item(text, a.x, a.y, b.x - a.x, b.y - a.y);
}
}  // namespace

void label(const char* text, float size, ImU32 color, float wrap_width) {
  ImGui::PushFont(nullptr, size);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  if (wrap_width > 0) {
    // ImGui wraps at spaces only; Chinese needs breaks between characters (core/text_wrap).
    ImFontBaked* baked = ImGui::GetFontBaked();
    const auto advance = [baked](char32_t c) { return baked->GetCharAdvance(static_cast<ImWchar>(c)); };
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, size * 0.3f));
    ImGui::BeginGroup();
    for (std::string_view line : wrap_text(text, wrap_width, advance))
      ImGui::TextUnformatted(line.data(), line.data() + line.size());
    ImGui::EndGroup();
    ImGui::PopStyleVar();
  } else {
    ImGui::TextUnformatted(text);
  }
  ImGui::PopStyleColor();
  ImGui::PopFont();
  trace_label(text);
}

bool tile(const char* id, const char* glyph, ImU32 badge_color, const char* title, const char* subtitle, ImVec2 size) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const bool clicked = ImGui::InvisibleButton(id, size) && !g_drag_scrolled;
  const bool held = ImGui::IsItemActive() && !g_drag_scrolled;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), held ? theme::kPressedCard : theme::kCard, theme::kRadius);

  const float badge = 40.0f;
  const ImVec2 centre(p.x + size.x * 0.5f, p.y + 12.0f + badge * 0.5f);
  dl->AddCircleFilled(centre, badge * 0.5f, badge_color, 32);
  ImFont* font = ImGui::GetFont();
  const float glyph_size = theme::kBadgeGlyphSize;
  const ImVec2 gs = font->CalcTextSizeA(glyph_size, FLT_MAX, 0.0f, glyph);
  dl->AddText(font, glyph_size, ImVec2(centre.x - gs.x * 0.5f, centre.y - gs.y * 0.5f), theme::kOnPrimary, glyph);

  float y = p.y + 12.0f + badge + 8.0f;
  const ImVec2 ts = font->CalcTextSizeA(theme::kRowSize, FLT_MAX, 0.0f, title);
  dl->AddText(font, theme::kRowSize, ImVec2(p.x + (size.x - ts.x) * 0.5f, y), theme::kText, title);
  trace_label(title);
  trace_item(title, p.x, p.y, size.x, size.y);
  y += ts.y + 4.0f;
  if (subtitle && *subtitle) {
    const ImVec2 ss = font->CalcTextSizeA(theme::kCaptionSize, FLT_MAX, 0.0f, subtitle);
    // Only when it fits on one line inside the card: a cut-off subtitle reads worse than none.
    if (ss.x <= size.x - 12.0f && y + ss.y <= p.y + size.y - 4.0f) {
      dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + (size.x - ss.x) * 0.5f, y), theme::kMuted, subtitle);
      trace_label(subtitle);
    }
  }
  return clicked;
}

bool list_row(const char* title, const char* detail, const char* right, float width) {
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float h = 64.0f;
  ImGui::PushID(title);
  ImGui::PushID(detail);
  const bool clicked = ImGui::InvisibleButton("##row", ImVec2(width, h)) && !g_drag_scrolled;
  const bool held = ImGui::IsItemActive() && !g_drag_scrolled;
  ImGui::PopID();
  ImGui::PopID();
  trace_item(title, p.x, p.y, width, h);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), held ? theme::kPressedCard : theme::kCard, theme::kRadius);
  ImFont* font = ImGui::GetFont();
  const float rw = right && *right ? font->CalcTextSizeA(theme::kSmallSize, FLT_MAX, 0.0f, right).x + 14.0f : 0.0f;
  dl->PushClipRect(p, ImVec2(p.x + width - rw - 10.0f, p.y + h), true);
  dl->AddText(font, theme::kBodySize, ImVec2(p.x + 14.0f, p.y + 10.0f), theme::kText, title);
  dl->AddText(font, theme::kCaptionSize, ImVec2(p.x + 14.0f, p.y + 36.0f), theme::kMuted, detail);
  dl->PopClipRect();
  trace_label(title);
  trace_label(detail);
  if (rw > 0) {
    dl->AddText(font, theme::kSmallSize, ImVec2(p.x + width - rw, p.y + 12.0f), theme::kText, right);
    trace_label(right);
  }
  ImGui::Dummy(ImVec2(0, 2));
  return clicked;
}

bool primary_button(const char* text, float width) {
  ImGui::PushStyleColor(ImGuiCol_Text, theme::kOnPrimary);
  const bool clicked = ImGui::Button(text, ImVec2(width, theme::kTouch));
  ImGui::PopStyleColor();
  trace_label(text);
  trace_last_item(text);
  return clicked;
}

bool text_button(const char* text, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Button, theme::kClear);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::kOnPrimaryHover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::kOnPrimaryPressed);
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  const float w = ImGui::CalcTextSize(text).x + 24.0f;
  const bool clicked = ImGui::Button(text, ImVec2(w < theme::kTouch ? theme::kTouch : w, theme::kTouch));
  ImGui::PopStyleColor(4);
  trace_label(text);
  trace_last_item(text);
  return clicked;
}

bool outline_button(const char* text, float width, ImU32 color) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kCard));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::kHoverTint));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(theme::kPressedTint));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::PushStyleColor(ImGuiCol_Border, ImGui::ColorConvertU32ToFloat4(color));
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  const bool clicked = ImGui::Button(text, ImVec2(width, theme::kTouch));
  ImGui::PopStyleVar();
  ImGui::PopStyleColor(5);
  trace_label(text);
  trace_last_item(text);
  return clicked;
}

void inactive_button(const char* text, float width) {
  ImGui::PushStyleColor(ImGuiCol_Button, ImGui::ColorConvertU32ToFloat4(theme::kDisabledFill));
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::ColorConvertU32ToFloat4(theme::kDisabledFill));
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::ColorConvertU32ToFloat4(theme::kDisabledFill));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(theme::kMuted));
  ImGui::BeginDisabled();
  ImGui::Button(text, ImVec2(width, theme::kTouch));
  ImGui::EndDisabled();
  ImGui::PopStyleColor(4);
  trace_label(text);
  trace_last_item(text);
}

void section_title(const char* text) {
  ImGui::Dummy(ImVec2(0, 4));
  label(text, theme::kHeadingSize, theme::kText);
}

void touch_scroll() {
  ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) g_drag_scrolled = false;
  if (io.MouseSource != ImGuiMouseSource_TouchScreen) return;
  // Only drags that started on this window's background, not on a text field being edited.
  if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.0f) && !io.WantTextInput) {
    g_drag_scrolled = true;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
  }
}

bool text_field(const char* id, const char* hint, char* buf, size_t size, float width, int flags) {
  ImGui::SetNextItemWidth(width > 0 ? width : -FLT_MIN);
  // A tinted, outlined box: on a white card a white field would be invisible.
  ImGui::PushStyleVar(ImGuiStyleVar_FrameRounding, 8.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(12, (theme::kTouch - theme::kBodySize) * 0.5f));
  ImGui::PushStyleColor(ImGuiCol_FrameBg, theme::kBackground);
  ImGui::PushStyleColor(ImGuiCol_Border, theme::kBorder);
  const bool changed = ImGui::InputTextWithHint(id, hint, buf, size, flags);
  ImGui::PopStyleColor(2);
  ImGui::PopStyleVar(3);
  trace_label(hint);
  trace_last_item(hint);
  if (ImGui::IsItemActive()) trace_focus(hint);
  return changed;
}

namespace {
struct CardState {
  ImVec2 start;
};
ImVector<CardState> g_cards;
}  // namespace

// A card splits the draw list in three: 0 its white background, 1 backgrounds of boxes inside
// it (message_box), 2 the content. ImGui cannot nest splits, so boxes inside a card use the
// card's channel 1 instead of splitting again.
void card_begin(float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->ChannelsSplit(3);
  dl->ChannelsSetCurrent(2);
  g_cards.push_back({ImGui::GetCursorScreenPos()});
  ImGui::Dummy(ImVec2(width, 10));
  ImGui::Indent(12);
}

void card_end(float width) {
  ImGui::Unindent(12);
  ImGui::Dummy(ImVec2(width, 2));
  const ImVec2 start = g_cards.back().start;
  g_cards.pop_back();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bottom = ImGui::GetItemRectMax().y + 8;
  dl->ChannelsSetCurrent(0);
  dl->AddRectFilled(start, ImVec2(start.x + width, bottom), theme::kCard, theme::kRadius);
  dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(start.x, bottom + theme::kGap));
  ImGui::Dummy(ImVec2(width, 0));
}

namespace {
// Text in a tinted, rounded box; with `dismiss`, that button sits at the box's right and
// the result says whether it was tapped.
bool tinted_box(const char* text, ImU32 fg, ImU32 bg, float width, const char* dismiss = nullptr) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool in_card = !g_cards.empty();
  if (!in_card) dl->ChannelsSplit(2);
  dl->ChannelsSetCurrent(in_card ? 2 : 1);
  const ImVec2 p = ImGui::GetCursorScreenPos();
  float button = 0;
  if (dismiss) {
    ImGui::PushFont(nullptr, theme::kSmallSize);
    button = std::max(theme::kTouch, ImGui::CalcTextSize(dismiss).x + 24.0f);
    ImGui::PopFont();
  }
  const float pad_y = dismiss ? 12.0f : 10.0f;  // centred on the button's height when one line
  ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + pad_y));
  label(text, theme::kSmallSize, fg, width - 24 - button);
  float bottom = ImGui::GetItemRectMax().y + pad_y;
  bool dismissed = false;
  if (dismiss) {
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - button, p.y));
    ImGui::PushFont(nullptr, theme::kSmallSize);
    dismissed = text_button(dismiss, fg);
    ImGui::PopFont();
    bottom = std::max(bottom, p.y + theme::kTouch);
  }
  dl->ChannelsSetCurrent(in_card ? 1 : 0);
  dl->AddRectFilled(p, ImVec2(p.x + width, bottom), bg, 8.0f);
  if (in_card)
    dl->ChannelsSetCurrent(2);
  else
    dl->ChannelsMerge();
  ImGui::SetCursorScreenPos(ImVec2(p.x, bottom + 6));
  ImGui::Dummy(ImVec2(width, 0));
  return dismissed;
}
}  // namespace

void message_box(const char* text, bool is_error, float width) {
  tinted_box(text, is_error ? theme::kPrimaryDark : theme::kOnline, is_error ? theme::kErrorBg : theme::kSuccessBg, width);
}

void note_box(const char* text, float width) { tinted_box(text, theme::kWarning, theme::kWarningBg, width); }

bool message_box_dismissible(const char* text, bool is_error, const char* dismiss, float width) {
  return tinted_box(text, is_error ? theme::kPrimaryDark : theme::kOnline, is_error ? theme::kErrorBg : theme::kSuccessBg,
                    width, dismiss);
}

bool coming_soon_page(const char* glyph, const char* title, ImU32 color, const char* soon, const char* body,
                      const char* back, float width) {
  ImGui::Dummy(ImVec2(0, 40));
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 centre(p.x + width * 0.5f, p.y + 40);
  dl->AddCircleFilled(centre, 40, color, 48);
  ImFont* font = ImGui::GetFont();
  const ImVec2 gs = font->CalcTextSizeA(theme::kPlaceholderGlyphSize, FLT_MAX, 0, glyph);
  dl->AddText(font, theme::kPlaceholderGlyphSize, ImVec2(centre.x - gs.x * 0.5f, centre.y - gs.y * 0.5f), theme::kOnPrimary, glyph);
  ImGui::Dummy(ImVec2(width, 96));
  auto centred = [&](const char* text, float size, ImU32 col) {
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0, text).x;
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, (width - w) * 0.5f));
    label(text, size, col, width);
  };
  centred(title, theme::kTitleSize, theme::kText);
  centred(soon, theme::kBodySize, theme::kPrimary);
  centred(body, theme::kSmallSize, theme::kMuted);
  ImGui::Dummy(ImVec2(0, 16));
  const float bw = std::min(width, 240.0f);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (width - bw) * 0.5f);
  return primary_button(back, bw);
}

}  // namespace hg::ui

// The few composite widgets the screens share. Each records its label in the frame trace,
// so tests can tell what a person would have read on the screen.
#pragma once
#include <imgui.h>

namespace hg::ui {

// Plain text in the given colour and size; wraps at `wrap_width` (0 = no wrapping).
void label(const char* text, float size, ImU32 color, float wrap_width = 0.0f);

// A card tile: a round badge with one glyph, a title and (when it fits) a subtitle.
bool tile(const char* id, const char* glyph, ImU32 badge_color, const char* title, const char* subtitle, ImVec2 size);

// A filled button at least kTouch tall. `width` 0 = fit the text.
bool primary_button(const char* text, float width = 0.0f);
// A text-only button (links, the language switch), still touch-sized.
bool text_button(const char* text, ImU32 color);
// White with a coloured outline: the second action next to a primary_button.
bool outline_button(const char* text, float width, ImU32 color);
// A primary_button that cannot be pressed (greyed), still traced so tests see its text.
void inactive_button(const char* text, float width);

void section_title(const char* text);

// A tappable card row, 64 px tall and the full `width`: a title, a muted detail line under it
// and, when not empty, a short figure at the right (a distance). Text too long is cut at the
// card's edge. The row is traced under its title.
bool list_row(const char* title, const char* detail, const char* right, float width);

// A touch-sized text field with a hint; the platform raises the phone keyboard / IME for it.
// `width` 0 = the rest of the line. Returns true when the text changed.
bool text_field(const char* id, const char* hint, char* buf, size_t size, float width = 0.0f, int flags = 0);

// A white card behind whatever is drawn between card_begin and card_end, full `width`.
void card_begin(float width);
void card_end(float width);

// An error or notice line in a tinted box (the message wraps).
void message_box(const char* text, bool is_error, float width);
// The same with a `dismiss` button ("知道了") at its right: for a result the person may not
// have seen yet, kept until they say so. True on the tap.
bool message_box_dismissible(const char* text, bool is_error, const char* dismiss, float width);
// The same box in the warning tint: a state to know about that is not an error (offline).
void note_box(const char* text, float width);

// The "即将开放" page for a part not built yet: badge, title, explanation, back button.
// Returns true when the back button was pressed.
bool coming_soon_page(const char* glyph, const char* title, ImU32 color, const char* soon, const char* body,
                      const char* back, float width);

// Lets a finger drag the current window's content, as phones do; the mouse wheel and
// scrollbar keep working as usual.
void touch_scroll();

}  // namespace hg::ui

// Small widgets of the station pages: toggle chips that flow onto new lines, a round map
// button, and a row of star buttons.
#pragma once
#include <imgui.h>

namespace hg::ui::stations {

// Lays chips left to right, wrapping at `width`; call chip() between begin and end.
void chips_begin(float width);
bool chip(const char* label, bool selected);
void chips_end();

// A round floating button over the map (≥ 44 px), with a text glyph.
bool map_button(const char* id, const char* glyph, ImVec2 centre, float radius = 24.0f);

// Five star buttons; returns the star tapped (1–5) or 0.
int star_row(int stars, float size);

}  // namespace hg::ui::stations

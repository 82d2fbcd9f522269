#include "ui/app.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string_view>

#include "core/app_routes.h"
#include "ui/areas.h"
#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui {

namespace {
constexpr const char* kLangKey = "lang";
constexpr float kHeaderHeight = 60.0f;
}  // namespace

App::App(Platform& platform) : platform_(platform), session_(platform), notices_(platform), stations_(platform) {
  std::optional<std::string> saved = platform_.load(kLangKey);
  // Chinese first for everyone; English only once the member has chosen it.
  lang_ = saved && *saved == "en" ? Lang::en : Lang::zh;
  notices_.load_cached();
  AreaHost host{platform_, session_, notices_, stations_};
  for (const AreaEntry& e : kAreas) areas_.push_back(e.make(host));
}

void App::set_lang(Lang lang) {
  lang_ = lang;
  platform_.save(kLangKey, lang == Lang::zh ? "zh" : "en");
}

Area* App::area(Screen s) {
  for (std::size_t i = 0; i < areas_.size(); ++i)
    if (kAreas[i].screen == s) return areas_[i].get();
  return nullptr;
}

UiContext App::context(float page_height) {
  auto go_from_page = [this](Screen s, const std::string& r) {
    const Screen from = screen_;
    go(s, r);
    if (s == Screen::account && !session_.signed_in() && from != Screen::account && from != Screen::home)
      after_sign_in_ = AfterSignIn{from, ""};
  };
  UiContext ctx{platform_, session_, lang_, platform_.now_ms(), go_from_page, page_height};
  return ctx;
}

void App::go(Screen s, const std::string& route) {
  after_sign_in_.reset();
  screen_ = s;
  if (Area* a = area(s)) a->open(route);
  // Applied inside the page at the next frame: go() may run outside a frame (deep links).
  scroll_to_top_ = true;
}

void App::open_path(const std::string& path) {
  // Only the pages core/app_routes.h lists (the paths the server serves the app for).
  const AppRoute* route = find_app_route(path);
  if (!route) {
    go(Screen::home);
    return;
  }
  if (route->needs_account && !session_.signed_in()) {
    // Sign in first, then the page the link named (opened afresh: it needs the account).
    go(Screen::account);
    after_sign_in_ = AfterSignIn{Screen::account, path};
    return;
  }
  constexpr std::string_view kStation = "/s/";
  if (path.rfind(kStation, 0) == 0) {
    go(Screen::station_map, "rate/" + path.substr(kStation.size()));
    return;
  }
  // "/<area>" or "/<area>/<route…>": the area names of ui/areas.h.
  const size_t slash = path.find('/', 1);
  const std::string name = path.substr(1, slash == std::string::npos ? std::string::npos : slash - 1);
  const std::string rest = slash == std::string::npos ? "" : path.substr(slash + 1);
  for (const AreaEntry& e : kAreas)
    if (name == e.name) {
      go(e.screen, rest);
      return;
    }
  go(Screen::home);
}

void App::frame() {
  notices_.tick();
  if (after_sign_in_ && screen_ == Screen::account && session_.signed_in()) {
    const AfterSignIn next = *after_sign_in_;
    after_sign_in_.reset();
    if (!next.path.empty()) {
      open_path(next.path);  // the deep link that needed an account
    } else {
      // Back to the page that sent the member to sign in, its own state untouched (no open()).
      screen_ = next.screen;
      scroll_to_top_ = true;
    }
  }
  Area* shown = area(screen_);
  const std::string trace_screen = shown ? shown->trace_name() : "?";
  trace_begin_frame(trace_screen.c_str(), lang_ == Lang::zh ? "zh" : "en",
                    notices_.status() == NoticeFeed::Status::online);
  UiContext ctx = context(0);
  for (const std::unique_ptr<Area>& a : areas_) a->tick(ctx);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  const ImGuiWindowFlags root_flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##root", nullptr, root_flags);
  draw_header(vp->WorkSize.x);

  if (shown && shown->full_bleed()) {
    // The map draws edge to edge under the header and handles its own dragging.
    ImGui::BeginChild("##page", ImVec2(0, 0), ImGuiChildFlags_None,
                      ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ctx.page_height = ImGui::GetContentRegionAvail().y;
    shown->draw(ctx, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::End();
    trace_end_frame();
    return;
  }

  // The page scrolls under a fixed header; its content is a centred column on wide screens.
  ImGui::BeginChild("##page", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NoSavedSettings);
  touch_scroll();
  if (scroll_to_top_) ImGui::SetScrollY(0);
  scroll_to_top_ = false;
  const float column = std::min(vp->WorkSize.x - 2 * theme::kPad, theme::kContentMaxWidth);
  const float left = (vp->WorkSize.x - column) * 0.5f;
  ImGui::Dummy(ImVec2(0, 4));
  ImGui::Indent(left);
  ctx.page_height = ImGui::GetContentRegionAvail().y;
  if (shown) shown->draw(ctx, column);
  ImGui::Unindent(left);
  ImGui::Dummy(ImVec2(0, theme::kPad));
  ImGui::EndChild();
  ImGui::End();
  trace_end_frame();
}

void App::draw_header(float width) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  dl->AddRectFilled(p, ImVec2(p.x + width, p.y + kHeaderHeight), theme::kPrimary);
  const float column = std::min(width - 2 * theme::kPad, theme::kContentMaxWidth);
  const float left = (width - column) * 0.5f;
  const float top = (kHeaderHeight - theme::kTouch) * 0.5f;
  // Right-aligned: the language switch, and on home 我的 / Me (sign in, or the account's tools).
  const char* toggle = tr(S::lang_toggle, lang_);
  const float toggle_w = std::max(theme::kTouch, ImGui::CalcTextSize(toggle).x + 24.0f);
  const char* me = session_.signed_in() ? L(lang_, "我的", "Me") : L(lang_, "登录", "Sign in");
  const float me_w = screen_ == Screen::home ? std::max(theme::kTouch, ImGui::CalcTextSize(me).x + 24.0f) : 0.0f;

  ImGui::SetCursorPos(ImVec2(left, top));
  if (screen_ != Screen::home) {
    // "‹" is not in every font subset; an ASCII "<" reads as back just as well.
    char back[64];
    std::snprintf(back, sizeof back, "< %s", tr(S::back, lang_));
    if (text_button(back, theme::kOnPrimary)) {
      Area* a = area(screen_);
      if (!a || !a->back()) go(Screen::home);
    }
    const char* title = area(screen_) ? area(screen_)->title(lang_) : nullptr;
    if (title) {
      // The area's name, centred in the bar (skipped when the bar is too narrow for it).
      const float tw = ImGui::CalcTextSize(title).x * theme::kHeadingSize / theme::kBodySize;
      if (tw < column - 2 * 110.0f) {
        ImGui::SetCursorPos(ImVec2(left + (column - tw) * 0.5f, (kHeaderHeight - theme::kHeadingSize) * 0.5f - 1));
        label(title, theme::kHeadingSize, theme::kOnPrimary);
      }
    }
  } else {
    ImGui::SetCursorPos(ImVec2(left, (kHeaderHeight - theme::kTitleSize) * 0.5f - 1));
    label(tr(S::app_name, lang_), theme::kTitleSize, theme::kOnPrimary);
    ImGui::SameLine(0, 10);
    // The slogan only where it fits left of the sign-in and language buttons (on a 320 px
    // phone in English it would run under them).
    const char* slogan = tr(S::app_slogan, lang_);
    const float slogan_w = ImGui::CalcTextSize(slogan).x * theme::kCaptionSize / theme::kBodySize;
    if (ImGui::GetCursorPosX() + slogan_w + 8.0f <= left + column - toggle_w - me_w) {
      ImGui::SetCursorPosY((kHeaderHeight - theme::kCaptionSize) * 0.5f + 2);
      label(slogan, theme::kCaptionSize, theme::kOnPrimarySlogan);
    }
  }
  ImGui::SetCursorPos(ImVec2(left + column - toggle_w, top));
  if (text_button(toggle, theme::kOnPrimary)) set_lang(lang_ == Lang::zh ? Lang::en : Lang::zh);
  if (screen_ == Screen::home) {
    ImGui::SetCursorPos(ImVec2(left + column - toggle_w - me_w, top));
    if (text_button(me, theme::kOnPrimary)) go(Screen::account);
  }
  ImGui::SetCursorPos(ImVec2(0, kHeaderHeight));
}

}  // namespace hg::ui

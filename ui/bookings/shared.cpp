#include "ui/bookings/shared.h"

#include <imgui.h>

#include "ui/theme.h"
#include "ui/trace.h"
#include "ui/widgets.h"

namespace hg::ui::bookings {

void book_slot(Shared& s, const std::string& slot_id, const std::string& package_id, bool waitlist_if_full,
               std::function<void(BookOutcome)> done) {
  const std::string body = to_json(kHoldRequestJson, HoldRequest{slot_id, package_id, waitlist_if_full});
  Shared* sp = &s;
  call<HoldResult>(s.session, post_request(std::string(kApi) + "/hold", body, s.session.new_idempotency_key()),
                   kHoldResultJson, [sp, done](Answer<HoldResult> a) {
                     BookOutcome out;
                     if (!a.ok()) {
                       out.error = a.error;
                       done(out);
                       return;
                     }
                     sp->mine_stale = true;
                     if (a.value->outcome != "held") {
                       out.waitlist = a.value->waitlist;
                       done(out);
                       return;
                     }
                     if (!a.value->booking) {
                       out.error = make_error(Errc::internal, "服务器答复不完整", "Incomplete answer from the server");
                       done(out);
                       return;
                     }
                     const std::string id = a.value->booking->booking.id;
                     call<BookingView>(sp->session,
                                       post_request(std::string(kApi) + "/" + id + "/confirm", "",
                                                    sp->session.new_idempotency_key()),
                                       kBookingViewJson, [done](Answer<BookingView> c) {
                                         BookOutcome o;
                                         if (c.ok())
                                           o.booking = *c.value;
                                         else
                                           o.error = c.error;
                                         done(o);
                                       });
                   });
}

bool choice_button(const char* id, const char* text, bool selected, float width) {
  ImGui::PushID(id);
  ImGui::PushStyleColor(ImGuiCol_Button, selected ? theme::kPrimary : theme::kCard);
  ImGui::PushStyleColor(ImGuiCol_ButtonHovered, selected ? theme::kPrimaryDark : theme::kSlotHover);
  ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::kPrimaryDark);
  ImGui::PushStyleColor(ImGuiCol_Text, selected ? theme::kOnPrimary : theme::kText);
  ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  ImGui::PushStyleColor(ImGuiCol_Border, selected ? theme::kPrimary : theme::kBorder);
  const bool clicked = ImGui::Button(text, ImVec2(width, theme::kTouch));
  ImGui::PopStyleColor(5);
  ImGui::PopStyleVar();
  ImGui::PopID();
  trace_label(text);
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  trace_item(text, a.x, a.y, b.x - a.x, b.y - a.y);
  return clicked;
}

}  // namespace hg::ui::bookings

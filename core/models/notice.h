// A notice on the home screen: what the union announces this month (a coupon rush, a new
// station, a health-check drive). Bilingual at the source, so the client just picks.
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/models/brand.h"
#include "core/models/enum_field.h"

namespace hg {

struct Notice {
  std::string id;
  Brand brand = Brand::gift;
  std::string title_zh, title_en;
  std::string body_zh, body_en;
  UnixSeconds published_at = 0;
  // Version 2 added pinning; a version-1 payload loads with pinned = false.
  bool pinned = false;

  template <class Archive>
  void serialize(Archive& ar, std::uint32_t version) {
    ar(CEREAL_NVP(id), CEREAL_NVP(brand), CEREAL_NVP(title_zh), CEREAL_NVP(title_en), CEREAL_NVP(body_zh),
       CEREAL_NVP(body_en), CEREAL_NVP(published_at));
    if (version >= 2) ar(CEREAL_NVP(pinned));
    check_enum<Archive>(brand, Brand::consume, "brand");
  }
};

// GET /api/v1/notices answers {"notices_page": NoticeList}.
constexpr const char* kNoticeListJson = "notices_page";
struct NoticeList {
  std::vector<Notice> notices;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(notices));
  }
};

}  // namespace hg

CEREAL_CLASS_VERSION(hg::Notice, 2)
CEREAL_CLASS_VERSION(hg::NoticeList, 1)

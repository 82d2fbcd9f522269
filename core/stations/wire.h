// JSON bodies of the stations API (/api/v1/stations/…), shared by the server and the client.
// Each request/response is {"<root name>": Model}; the root names are the k…Json constants.
// The station set itself travels in the binary snapshot/delta format (snapshot.h).
//
//   POST /api/v1/stations                      {"station": Station}          → {"station": StationSaved}
//   PUT  /api/v1/stations/{id}                 {"station": Station}          → {"station": StationSaved}
//   POST /api/v1/stations/{id}/ratings         {"rating": RatingInput}       → {"rating_result": RatingResult}
//   GET  /api/v1/stations/{id}/ratings                                       → {"ratings": RatingPage}
//   POST /api/v1/stations/{id}/checkins        {"checkin": CheckinInput}     → {"checkin": CheckinResult}
//   POST /api/v1/stations/{id}/visits          {"visit": VisitInput}         → {"visit": VisitResult}
//   GET  /api/v1/stations/evaluation?month=YYYY-MM                           → {"evaluation": EvaluationReport}
//   POST /api/v1/stations/evaluation/run?month=YYYY-MM                       → {"evaluation": EvaluationReport}
//   POST /api/v1/stations/{id}/cards/{card_id}/lift                          → {"card": CardRecord}
//   GET  /api/v1/stations/evaluation/thresholds                              → {"thresholds": ThresholdsView}
//   PUT  /api/v1/stations/evaluation/thresholds {"thresholds": ThresholdsView} → {"thresholds": ThresholdsView}
#pragma once
#include <cereal/cereal.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/string.hpp>
#include <cereal/types/vector.hpp>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/models/enum_field.h"
#include "core/stations/evaluation.h"
#include "core/stations/rating.h"
#include "core/stations/station.h"

namespace hg::stations {

constexpr const char* kStationJson = "station";
constexpr const char* kRatingInputJson = "rating";
constexpr const char* kRatingResultJson = "rating_result";
constexpr const char* kRatingPageJson = "ratings";
constexpr const char* kCheckinJson = "checkin";
constexpr const char* kVisitJson = "visit";
constexpr const char* kEvaluationJson = "evaluation";
constexpr const char* kCardJson = "card";
constexpr const char* kThresholdsJson = "thresholds";

// The answer to a create or edit: the station as stored and the set's version after it.
struct StationSaved {
  Station station;
  std::uint64_t version = 0;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(station), cereal::make_nvp("version", version));
  }
};

// What the rating form sends (the member and the time come from the session and the server).
struct RatingInput {
  int stars = 0;          // 1–5
  RatingTags tags = 0;    // bit i = RatingTag i
  std::string comment;    // ≤ kMaxCommentBytes
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(stars), CEREAL_NVP(tags), CEREAL_NVP(comment));
  }
};

// A station's ratings in short: count, 1–5 star histogram, mean (0 when none).
struct RatingAggregate {
  std::string station_id;
  std::uint32_t count = 0;
  std::array<std::uint32_t, 5> histogram{};  // [0] = 1 star … [4] = 5 stars
  double mean = 0;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(station_id), CEREAL_NVP(count), CEREAL_NVP(histogram), CEREAL_NVP(mean));
  }
};

struct RatingResult {
  RatingAggregate aggregate;
  std::string day;  // the CST day it counts for: "2026-11-28"
  UnixSeconds at = 0;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(aggregate), CEREAL_NVP(day), CEREAL_NVP(at));
  }
};

// One recent rating as others see it: no member id.
struct RatingView {
  int stars = 0;
  RatingTags tags = 0;
  std::string comment;
  UnixSeconds at = 0;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(stars), CEREAL_NVP(tags), CEREAL_NVP(comment), CEREAL_NVP(at));
  }
};

struct RatingPage {
  RatingAggregate aggregate;
  std::vector<RatingView> recent;  // newest first, at most 20
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(aggregate), CEREAL_NVP(recent));
  }
};

// "open" | "close"
struct CheckinInput {
  std::string kind;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(kind));
  }
};
struct CheckinResult {
  std::string station_id;
  std::string kind;
  UnixSeconds at = 0;   // server time
  std::string at_cst;   // "2026-11-28 08:02:11"
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(station_id), CEREAL_NVP(kind), CEREAL_NVP(at), CEREAL_NVP(at_cst));
  }
};

// "face_scan" | "qr" | "manual"
struct VisitInput {
  std::string method;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(method));
  }
};
struct VisitResult {
  std::string station_id;
  std::string method;
  UnixSeconds at = 0;
  std::string day;                 // CST day
  std::uint32_t visits_today = 0;  // all methods, this station, this CST day
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(station_id), CEREAL_NVP(method), CEREAL_NVP(at), CEREAL_NVP(day), CEREAL_NVP(visits_today));
  }
};

// A card (yellow / red / delisting) a monthly run gave a station. `to` is the status it
// set; rectified_at is when union staff confirmed the station was put right; lifted_in is
// the month whose clean evaluation lifted it ("" while in force).
struct CardRecord {
  std::int64_t id = 0;
  std::string station_id;
  std::string period;  // "2026-10"
  StationStatus from = StationStatus::open, to = StationStatus::yellow_card;
  std::vector<Finding> reasons;
  UnixSeconds issued_at = 0;
  UnixSeconds rectified_at = 0;  // 0: not yet
  std::string lifted_in;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(id), CEREAL_NVP(station_id), CEREAL_NVP(period), CEREAL_NVP(from), CEREAL_NVP(to),
       CEREAL_NVP(reasons), CEREAL_NVP(issued_at), CEREAL_NVP(rectified_at), CEREAL_NVP(lifted_in));
    check_enum<Archive>(from, StationStatus::delisted, "from");
    check_enum<Archive>(to, StationStatus::delisted, "to");
    for (Finding f : reasons) check_enum<Archive>(f, Finding::low_satisfaction, "reasons");
  }
};

// One station's month: the core assessment plus what a run gives (or gave) it.
struct EvaluationRow {
  std::string station_id, name, city, district;
  StationKind kind = StationKind::regular;
  StationStatus status = StationStatus::open;  // now
  int scheduled_days = 0, late_days = 0;
  std::uint32_t usage = 0;          // visits incl. face-scan entries
  std::uint32_t face_scans = 0;     // of which face-scan entries
  std::uint32_t ratings = 0;
  double mean_stars = 0;
  std::vector<Finding> findings;
  StationStatus result = StationStatus::open;  // status after this month (recorded, or what a run would set)
  bool recorded = false;                       // the month has been run for this station
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(station_id), CEREAL_NVP(name), CEREAL_NVP(city), CEREAL_NVP(district), CEREAL_NVP(kind),
       CEREAL_NVP(status), CEREAL_NVP(scheduled_days), CEREAL_NVP(late_days), CEREAL_NVP(usage), CEREAL_NVP(face_scans),
       CEREAL_NVP(ratings), CEREAL_NVP(mean_stars), CEREAL_NVP(findings), CEREAL_NVP(result), CEREAL_NVP(recorded));
    check_enum<Archive>(kind, StationKind::self_service_24h, "kind");
    check_enum<Archive>(status, StationStatus::delisted, "status");
    check_enum<Archive>(result, StationStatus::delisted, "result");
    for (Finding f : findings) check_enum<Archive>(f, Finding::low_satisfaction, "findings");
  }
};

struct ThresholdsView {
  int grace_minutes = 0, max_late_days = 0;
  std::uint32_t min_visits = 0, min_ratings = 0;
  double min_mean_stars = 0;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(grace_minutes), CEREAL_NVP(max_late_days), CEREAL_NVP(min_visits), CEREAL_NVP(min_ratings),
       CEREAL_NVP(min_mean_stars));
  }
};
// The stored thresholds as sent, and back.
inline ThresholdsView view_of(const EvaluationThresholds& t) {
  return {t.grace_minutes, t.max_late_days, t.min_visits, t.min_ratings, t.min_mean_stars};
}
inline EvaluationThresholds thresholds_of(const ThresholdsView& v) {
  return {v.grace_minutes, v.max_late_days, v.min_visits, v.min_mean_stars, v.min_ratings};
}

// The monthly report: every listed station's month (flagged ones first), counts by outcome,
// and the cards issued for the month (with their later fate).
struct EvaluationReport {
  std::string period;   // "2026-10"
  bool recorded = false;  // a run has been recorded for this month
  ThresholdsView thresholds;
  std::uint32_t stations = 0, yellow = 0, red = 0, delisted = 0, lifted = 0;
  std::vector<EvaluationRow> rows;
  std::vector<CardRecord> cards;
  template <class Archive>
  void serialize(Archive& ar, std::uint32_t /*version*/) {
    ar(CEREAL_NVP(period), CEREAL_NVP(recorded), CEREAL_NVP(thresholds), CEREAL_NVP(stations), CEREAL_NVP(yellow),
       CEREAL_NVP(red), CEREAL_NVP(delisted), CEREAL_NVP(lifted), CEREAL_NVP(rows), CEREAL_NVP(cards));
  }
};

}  // namespace hg::stations

CEREAL_CLASS_VERSION(hg::stations::StationSaved, 1)
CEREAL_CLASS_VERSION(hg::stations::RatingInput, 1)
CEREAL_CLASS_VERSION(hg::stations::RatingAggregate, 1)
CEREAL_CLASS_VERSION(hg::stations::RatingResult, 1)
CEREAL_CLASS_VERSION(hg::stations::RatingView, 1)
CEREAL_CLASS_VERSION(hg::stations::RatingPage, 1)
CEREAL_CLASS_VERSION(hg::stations::CheckinInput, 1)
CEREAL_CLASS_VERSION(hg::stations::CheckinResult, 1)
CEREAL_CLASS_VERSION(hg::stations::VisitInput, 1)
CEREAL_CLASS_VERSION(hg::stations::VisitResult, 1)
CEREAL_CLASS_VERSION(hg::stations::CardRecord, 1)
CEREAL_CLASS_VERSION(hg::stations::EvaluationRow, 1)
CEREAL_CLASS_VERSION(hg::stations::ThresholdsView, 1)
CEREAL_CLASS_VERSION(hg::stations::EvaluationReport, 1)

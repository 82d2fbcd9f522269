// Station rows in SQLite: the set with its revision counter, deltas, ratings, check-ins,
// visit counts and the monthly evaluation with its cards. Plain functions over a Db, used by
// the routes (inside group-committed writes or reads) and by the demo seed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/cst_time.h"
#include "core/stations/evaluation.h"
#include "core/stations/snapshot.h"
#include "core/stations/wire.h"
#include "server/store/sqlite.h"

namespace hg::srv::station_repo {

// How long the change log is kept: a client whose copy is older fetches the snapshot.
constexpr UnixSeconds kChangeLogSeconds = 60 * 86400;

std::uint64_t version(Db& db);
std::uint64_t pruned_through(Db& db);
std::vector<stations::Station> all(Db& db);  // by id
std::optional<stations::Station> find(Db& db, const std::string& id);

// Inserts or replaces the station, stamping the next revision and logging the change
// ("create", "edit", "evaluation"); prunes the log past kChangeLogSeconds. Returns the new
// version.
std::uint64_t save(Db& db, const stations::Station& s, const char* change, const std::string& by, UnixSeconds now);

// Stations changed after `since` (current state) and ids deleted after it. The caller has
// checked pruned_through(db) <= since <= version(db).
stations::StationDelta delta_since(Db& db, std::uint64_t since);

// ---- ratings ----
stations::RatingAggregate rating_aggregate(Db& db, const std::string& station_id);
std::vector<stations::RatingView> recent_ratings(Db& db, const std::string& station_id, int limit);
bool rated_on(Db& db, const std::string& member_id, const std::string& station_id, const std::string& cst_day);
void insert_rating(Db& db, const stations::Rating& r);

// ---- check-ins and visits ----
void insert_checkin(Db& db, const std::string& station_id, stations::CheckinKind kind, UnixSeconds at, const std::string& by);
// Adds `n` visits by `method` ("face_scan", "qr", "manual") on the CST day of `at`.
void add_visits(Db& db, const std::string& station_id, const std::string& method, UnixSeconds at, std::uint32_t n);
std::uint32_t visits_on(Db& db, const std::string& station_id, const std::string& cst_day);

// ---- monthly evaluation ----
stations::EvaluationThresholds thresholds(Db& db);
void set_thresholds(Db& db, const stations::EvaluationThresholds& t);  // the table's CHECKs refuse nonsense
// Everything the core rules need about one station's CST month.
stations::MonthInput month_input(Db& db, const stations::Station& s, int year, int month);
bool month_recorded(Db& db, const std::string& period);
// The report for a month: recorded results where the month was run, otherwise what a run
// would give now. Listed stations only (delisted ones keep their history in the cards).
stations::EvaluationReport report(Db& db, int year, int month);
// Runs the month for every listed station: records each assessment, issues cards, lifts
// rectified ones after a clean month and changes station statuses (new revisions).
// Throws ApiError conflict when the month was already run.
stations::EvaluationReport run_month(Db& db, int year, int month, UnixSeconds now, const std::string& by);
std::optional<stations::CardRecord> find_card(Db& db, std::int64_t id);
// Union staff confirm the station was put right; a clean month then lifts the card.
stations::CardRecord confirm_rectification(Db& db, const std::string& station_id, std::int64_t card_id, UnixSeconds now,
                                           const std::string& by);

}  // namespace hg::srv::station_repo

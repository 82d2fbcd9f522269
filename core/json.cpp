#include "core/json.h"

namespace hg {

namespace {
struct WireError {
  std::string code, zh, en, reason;
  template <class Archive>
  void save(Archive& ar) const {
    ar(CEREAL_NVP(code), CEREAL_NVP(zh), CEREAL_NVP(en));
    if (!reason.empty()) ar(CEREAL_NVP(reason));
  }
  template <class Archive>
  void load(Archive& ar) {
    ar(CEREAL_NVP(code), CEREAL_NVP(zh), CEREAL_NVP(en));
    try {
      ar(CEREAL_NVP(reason));
    } catch (const cereal::Exception&) {
      reason.clear();  // an error without a reason
    }
  }
};
}  // namespace

Error parse_error(const char* what) {
  return make_error(Errc::invalid_input, std::string("请求格式有误：") + what, std::string("Malformed request: ") + what);
}

Error too_large_error(size_t limit) {
  const std::string kb = std::to_string(limit / 1024);
  return make_error(Errc::too_large, "请求内容过大（上限 " + kb + " KB）", "Request too large (limit " + kb + " KB)");
}

bool json_depth_within(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false, escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return false;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return true;
}

std::string error_to_json(const Error& e) { return to_json("error", WireError{e.code_name(), e.zh, e.en, e.reason}); }

Error error_from_json(std::string_view body, int http_status) {
  Result<WireError> w = from_json<WireError>(body, "error");
  if (!w.ok() || w.value().zh.empty()) {
    const std::string s = std::to_string(http_status);
    return make_error(http_status >= 500 ? Errc::unavailable : Errc::internal, "服务器返回了无法识别的应答（" + s + "）",
                      "The server sent an unexpected answer (" + s + ")");
  }
  return make_error(errc_from_name(w.value().code), w.value().zh, w.value().en, w.value().reason);
}

}  // namespace hg

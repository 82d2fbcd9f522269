// The client's version, from the build (project(VERSION) in the top-level CMakeLists.txt),
// as the server's /api/v1/version takes its own.
#pragma once

namespace hg::ui {

const char* client_version();

}  // namespace hg::ui

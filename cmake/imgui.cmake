# Dear ImGui 1.92 compiled from Debian's source package (IMGUI_DIR from build/deps.cmake),
# for both native and wasm. Not Debian's libimgui-dev: that is 1.86, before the dynamic font
# atlas that rasterises CJK glyphs on demand.
add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp
  ${IMGUI_DIR}/imgui_draw.cpp
  ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp
)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR})
# No demo window, no default-font loader from disk, and 32-bit wide chars so that CJK
# Extension B characters in names still render.
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_DEMO_WINDOWS IMGUI_DISABLE_DEBUG_TOOLS IMGUI_USE_WCHAR32)

# SDL2 + OpenGL3 backends, shared by the web and desktop runners.
add_library(imgui_backends STATIC
  ${IMGUI_DIR}/backends/imgui_impl_sdl2.cpp
  ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
)
target_include_directories(imgui_backends SYSTEM PUBLIC ${IMGUI_DIR}/backends)
target_link_libraries(imgui_backends PUBLIC imgui huigong_sdl2)
if(EMSCRIPTEN)
  # emscripten 3.1.6: imgui_impl_sdl2's EM_JS needs EMSCRIPTEN_KEEPALIVE, which only
  # emscripten.h defines; the backend does not include it itself.
  target_compile_options(imgui_backends PRIVATE -include emscripten.h)
endif()

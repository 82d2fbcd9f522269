# Warnings for our own targets only; third-party code (ImGui, SDL2) builds with its defaults.
function(huigong_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
endfunction()

# Sanitizers for the debug preset: the tests then catch memory and UB errors, not just wrong answers.
option(HUIGONG_SANITIZE "build native targets with AddressSanitizer and UBSan" OFF)
if(HUIGONG_SANITIZE AND NOT EMSCRIPTEN)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()

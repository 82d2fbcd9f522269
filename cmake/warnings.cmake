# Warnings for our own targets only; third-party code (ImGui, SDL2) builds with its defaults.
# The debug preset makes them errors, so a warning cannot land unseen.
option(HUIGONG_WERROR "treat warnings in our own code as errors" OFF)
function(huigong_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)
  if(HUIGONG_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Sanitizers for the debug preset: the tests then catch memory and UB errors, not just wrong
# answers. Every report is fatal (-fno-sanitize-recover): UBSan would otherwise print and go
# on, and the test that caused it would pass.
option(HUIGONG_SANITIZE "build native targets with AddressSanitizer and UBSan" OFF)
if(HUIGONG_SANITIZE AND NOT EMSCRIPTEN)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined -fno-sanitize-recover=all)
endif()

# The UI font subset (scripts/subset-font.py), cut from Debian's fonts-wqy-microhei at build
# time so that it always covers every character the sources use. Both clients ship it.
set(HUIGONG_FONT_SOURCE /usr/share/fonts/truetype/wqy/wqy-microhei.ttc)
set(HUIGONG_FONT_FILE ${CMAKE_BINARY_DIR}/font/huigong-ui.ttf)
file(GLOB_RECURSE huigong_font_scanned CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
  ${PROJECT_SOURCE_DIR}/core/*.cpp ${PROJECT_SOURCE_DIR}/core/*.h
  ${PROJECT_SOURCE_DIR}/data/*.cpp ${PROJECT_SOURCE_DIR}/data/*.h
  ${PROJECT_SOURCE_DIR}/server/*.cpp ${PROJECT_SOURCE_DIR}/server/*.h)
add_custom_command(
  OUTPUT ${HUIGONG_FONT_FILE}
  COMMAND /usr/bin/python3 ${PROJECT_SOURCE_DIR}/scripts/subset-font.py
          --font ${HUIGONG_FONT_SOURCE} --out ${HUIGONG_FONT_FILE}
          --scan ${PROJECT_SOURCE_DIR}/ui --scan ${PROJECT_SOURCE_DIR}/core
          --scan ${PROJECT_SOURCE_DIR}/data --scan ${PROJECT_SOURCE_DIR}/server
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/subset-font.py ${huigong_font_scanned}
  COMMENT "Cutting the CJK font subset"
  VERBATIM)
add_custom_target(huigong_font ALL DEPENDS ${HUIGONG_FONT_FILE})

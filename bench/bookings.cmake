# Health-check rush (`make bench-bookings`, bench/bookings.sh): a setup/verify tool that
# writes the rush database with the server's own code, and an epoll load generator.
add_executable(bookings_setup bookings_setup.cpp)
target_link_libraries(bookings_setup PRIVATE huigong_server_lib)
huigong_warnings(bookings_setup)

add_executable(bookings_load bookings_load.cpp)
target_link_libraries(bookings_load PRIVATE huigong_core)
huigong_warnings(bookings_load)

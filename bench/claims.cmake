# Coupon rush (`make bench-claims`, bench/claims.sh): a setup/verify tool that writes the
# rush database with the server's own code, and an async Beast load generator.
add_executable(claims_setup claims_setup.cpp)
target_link_libraries(claims_setup PRIVATE huigong_server_lib)
huigong_warnings(claims_setup)

add_executable(claims_load claims_load.cpp)
target_link_libraries(claims_load PRIVATE huigong_beast)
huigong_warnings(claims_load)

# Relaying a token: teehee-server's CPU and added latency per token against
# nginx proxying the same fake provider; with PostgreSQL, 1-3 servers behind
# nginx. Runs the real teehee-server binary (bench/relay.sh passes the paths).
add_executable(bench_relay ${CMAKE_CURRENT_LIST_DIR}/bench_relay.cpp
                           ${CMAKE_CURRENT_LIST_DIR}/nginxrunner.cpp ${CMAKE_CURRENT_LIST_DIR}/proccpu.cpp
                           ${CMAKE_CURRENT_LIST_DIR}/teeheeprocess.cpp ${CMAKE_CURRENT_LIST_DIR}/relayaccounts.cpp
                           ${CMAKE_CURRENT_LIST_DIR}/relaysupport.cpp ${CMAKE_CURRENT_LIST_DIR}/fakellm.cpp
                           ${CMAKE_CURRENT_LIST_DIR}/wsloadclient.cpp ${CMAKE_CURRENT_LIST_DIR}/sseloadclient.cpp)
target_link_libraries(bench_relay PRIVATE teehee_core Qt6::Core Qt6::Network)

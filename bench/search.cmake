# Search bench: p50/p99 of GET /search's query over 100,000 messages (SQLite).
add_executable(bench_search ${CMAKE_CURRENT_LIST_DIR}/bench_search.cpp)
target_link_libraries(bench_search PRIVATE teehee_api)

# Provider streaming bench: SSE parser throughput and per-token overhead.
add_executable(bench_sse ${CMAKE_CURRENT_LIST_DIR}/bench_sse.cpp)
target_link_libraries(bench_sse PRIVATE teehee_backend)

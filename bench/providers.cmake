# Provider streaming bench: SSE parser throughput and per-token overhead.
add_executable(bench_sse ${CMAKE_CURRENT_LIST_DIR}/bench_sse.cpp)
target_link_libraries(bench_sse PRIVATE teehee_api)
# Tokens/s of one stream from a local fake provider sending as fast as it can.
add_executable(bench_provider_stream ${CMAKE_CURRENT_LIST_DIR}/bench_provider_stream.cpp)
target_link_libraries(bench_provider_stream PRIVATE teehee_api)

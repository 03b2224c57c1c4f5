# Generation engine over WebSocket: throughput, fan-out latency, time to first
# token, server RSS and database commits per stream, against a local fake provider.
add_executable(bench_stream ${CMAKE_CURRENT_LIST_DIR}/bench_stream.cpp ${CMAKE_CURRENT_LIST_DIR}/fakellm.cpp
                            ${CMAKE_CURRENT_LIST_DIR}/wsloadclient.cpp ${CMAKE_CURRENT_LIST_DIR}/sseloadclient.cpp)
target_link_libraries(bench_stream PRIVATE teehee_api)

# Export and import bench: GET /export of 100,000 messages, POST /import of a ~50 MB ChatGPT export.
add_executable(bench_transfer ${CMAKE_CURRENT_LIST_DIR}/bench_transfer.cpp)
target_link_libraries(bench_transfer PRIVATE teehee_api)

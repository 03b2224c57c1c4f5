# Chat HTTP bench: GET /chats/{id} of a 10,000-message chat, GET /chats req/s.
add_executable(bench_chats_http ${CMAKE_CURRENT_LIST_DIR}/bench_chats_http.cpp)
target_link_libraries(bench_chats_http PRIVATE teehee_api)

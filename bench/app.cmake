# Desktop app bench: opening a 10,000-message chat and the UI thread while a
# reply streams at 200 tokens/s (real QML window, offscreen, fake provider).
if(TARGET teehee_qml AND TARGET teehee_fakeprovider)
  add_executable(bench_app ${CMAKE_CURRENT_LIST_DIR}/bench_app.cpp)
  target_link_libraries(bench_app PRIVATE teehee_qml teehee_qmlplugin teehee_localclient teehee_fakeprovider
                        Qt6::Quick Qt6::QuickControls2 Qt6::Test)
endif()

import QtQuick
import QtQuick.Controls.Basic
import Teehee

// The divider between sidebar and conversation, and the handle that resizes
// the sidebar: drag it, or focus it (Tab) and use ←/→ (Shift for bigger
// steps), Home/End for the narrowest/widest. The width is kept in settings.
Item {
    id: handle
    objectName: "sidebarHandle"
    readonly property int step: 16

    function resizeTo(width) { SettingsController.sidebarWidth = Math.round(width) }

    implicitWidth: 1
    activeFocusOnTab: true
    Accessible.role: Accessible.Splitter
    Accessible.name: qsTr("Resize sidebar")
    Accessible.description: qsTr("Sidebar width %1 pixels; Left and Right arrows resize it").arg(SettingsController.sidebarWidth)
    Accessible.focusable: true

    Keys.onPressed: (event) => {
        const delta = event.modifiers & Qt.ShiftModifier ? 4 * step : step
        if (event.key === Qt.Key_Left) resizeTo(SettingsController.sidebarWidth - delta)
        else if (event.key === Qt.Key_Right) resizeTo(SettingsController.sidebarWidth + delta)
        else if (event.key === Qt.Key_Home) resizeTo(SettingsController.sidebarMinWidth)
        else if (event.key === Qt.Key_End) resizeTo(SettingsController.sidebarMaxWidth)
        else return
        event.accepted = true
    }

    // The visible line: the accent colour while dragged, hovered or focused.
    Rectangle {
        anchors.horizontalCenter: parent.horizontalCenter
        width: handle.activeFocus || drag.containsMouse || drag.pressed ? 3 : 1
        height: parent.height
        color: handle.activeFocus ? Theme.focusRing : drag.containsMouse || drag.pressed ? Theme.accent : Theme.divider
    }

    // Wider than the line so that it is easy to grab.
    MouseArea {
        id: drag
        objectName: "sidebarHandleArea"
        anchors.horizontalCenter: parent.horizontalCenter
        width: 9
        height: parent.height
        hoverEnabled: true
        cursorShape: Qt.SplitHCursor
        property real startX: 0
        property int startWidth: 0
        onPressed: (mouse) => { startX = mapToItem(null, mouse.x, 0).x; startWidth = SettingsController.sidebarWidth }
        onPositionChanged: (mouse) => { if (pressed) handle.resizeTo(startWidth + mapToItem(null, mouse.x, 0).x - startX) }
        onDoubleClicked: handle.resizeTo(Theme.sidebarWidth)
    }
}

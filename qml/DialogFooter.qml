import QtQuick
import QtQuick.Layouts
import Teehee

// A dialog's buttons, right-aligned on the dialog's own surface: the Basic
// style's DialogButtonBox is a white strip with grey buttons, also in dark mode.
Item {
    id: footer
    default property alias buttons: row.data

    implicitWidth: row.implicitWidth + 2 * Theme.gap2
    implicitHeight: row.implicitHeight + Theme.gap + Theme.gap2

    RowLayout {
        id: row
        anchors.right: parent.right
        anchors.rightMargin: Theme.gap2
        anchors.top: parent.top
        anchors.topMargin: Theme.gap
        spacing: Theme.gap
    }
}

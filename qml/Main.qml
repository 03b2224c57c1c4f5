import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Teehee

ApplicationWindow {
    id: window
    width: 1100
    height: 720
    minimumWidth: 640
    minimumHeight: 420
    visible: true
    title: qsTr("Teehee")

    ColumnLayout {
        anchors.centerIn: parent
        spacing: 8

        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Teehee")
            font.pixelSize: 28
            font.weight: Font.DemiBold
            Accessible.role: Accessible.Heading
        }
        Label {
            objectName: "statusLabel"
            Layout.alignment: Qt.AlignHCenter
            text: BackendHost.statusText
            color: BackendHost.ready ? palette.windowText : "#b3261e"
            Accessible.name: qsTr("Backend status: %1").arg(BackendHost.statusText)
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Data: %1").arg(BackendHost.databaseLocation)
            opacity: 0.7
        }
        Label {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Version %1").arg(BackendHost.version)
            opacity: 0.5
        }
    }
}

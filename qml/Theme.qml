pragma Singleton
import QtQuick
import Teehee

// Palettes, spacing and type. Light and dark follow the setting, or the
// system palette's window colour when set to "system" (Qt 6.4 has no
// colorScheme hint). Text sizes derive from the system font so they scale.
QtObject {
    id: theme

    readonly property SystemPalette systemPalette: SystemPalette { colorGroup: SystemPalette.Active }
    readonly property bool systemDark: systemPalette.window.hslLightness < 0.5
    readonly property bool dark: SettingsController.theme === "dark"
                                 || (SettingsController.theme === "system" && systemDark)

    // 8 px grid
    readonly property int unit: 8
    readonly property int gap: 8
    readonly property int gap2: 16
    readonly property int gap3: 24
    readonly property int radius: 10
    readonly property int radiusSmall: 6
    readonly property int sidebarWidth: 260
    readonly property int readableWidth: 760
    readonly property int animation: 120

    // Type: the system font, scaled by the user's text size (Ctrl+= / Ctrl+-).
    readonly property FontMetrics metrics: FontMetrics {}
    readonly property real scale: SettingsController.textScale
    readonly property real baseSize: Math.max(10, Qt.application.font.pointSize > 0 ? Qt.application.font.pointSize : 10) * scale
    readonly property real bodySize: baseSize + 1
    readonly property real smallSize: baseSize - 1
    readonly property real titleSize: baseSize + 5
    readonly property string monoFamily: "monospace"

    // Control sizes follow the text size, so a larger text never overflows its row.
    function px(n) { return Math.round(n * scale) }
    readonly property int rowHeight: px(34)        // chat rows, fields, combo boxes
    readonly property int buttonHeight: px(32)     // text buttons, the code block's header
    readonly property int iconButtonSize: px(28)   // message actions, header buttons
    readonly property int smallIconButton: px(24)  // branch switcher, chat row menu
    readonly property int sendButtonSize: px(36)
    readonly property int headerHeight: px(48)
    readonly property int iconSize: px(16)
    readonly property int smallIconSize: px(14)

    // Colours (WCAG AA for text on their backgrounds)
    readonly property color accent: dark ? "#7AA2FF" : "#2F5BD3"
    readonly property color accentText: dark ? "#0E1424" : "#FFFFFF"
    readonly property color window: dark ? "#17181C" : "#FFFFFF"
    readonly property color sidebar: dark ? "#1F2025" : "#F5F6F8"
    readonly property color surface: dark ? "#24262C" : "#FFFFFF"
    readonly property color raised: dark ? "#2B2D34" : "#F0F2F5"
    readonly property color hover: dark ? "#2E3038" : "#E9EBEF"
    readonly property color selected: dark ? "#333847" : "#E1E7F7"
    readonly property color divider: dark ? "#33353D" : "#E3E5EA"
    readonly property color text: dark ? "#E8E9ED" : "#1B1C20"
    readonly property color mutedText: dark ? "#A3A6B0" : "#5C606B"
    readonly property color faintText: dark ? "#7E828D" : "#80848F"
    readonly property color userBubble: dark ? "#2A3350" : "#EAF0FD"
    readonly property color codeBackground: dark ? "#111216" : "#F4F5F7"
    readonly property color codeHeader: dark ? "#1B1C21" : "#E9EBEF"
    readonly property color inlineCode: dark ? "#2C2E35" : "#EEF0F3"
    readonly property color danger: dark ? "#FF8A80" : "#B3261E"
    readonly property color dangerSurface: dark ? "#3A2222" : "#FCEDEC"
    readonly property color warning: dark ? "#FFB74D" : "#B35C00"   // near a limit (the context meter)
    readonly property color focusRing: accent
    // Behind modal dialogs.
    readonly property color scrim: dark ? "#99000000" : "#55000000"
    // The toast stands out by inverting the palette.
    readonly property color toastBackground: dark ? "#E8E9ED" : "#24262C"
    readonly property color toastText: dark ? "#1B1C20" : "#FFFFFF"
    readonly property color toastAction: dark ? "#2F5BD3" : "#9DB8FF"

    // Syntax colours for code blocks (CodeHighlighter), readable on codeBackground.
    readonly property color codeKeyword: dark ? "#C792EA" : "#8A2BB9"
    readonly property color codeString: dark ? "#C3E88D" : "#1F7A1F"
    readonly property color codeComment: dark ? "#7F8796" : "#6A737D"
    readonly property color codeNumber: dark ? "#F78C6C" : "#B35900"
    readonly property color thinkingText: mutedText

    // Markdown links take the application palette's link colour when Text
    // parses them: set it when the accent changes, then change linkRefresh
    // (appended to Markdown text) so Text parses again with the new colour.
    property int linkGeneration: 0
    function applyLink() { SettingsController.applyLinkColor(accent); ++linkGeneration }
    onAccentChanged: applyLink()
    Component.onCompleted: applyLink()
    readonly property string linkRefresh: linkGeneration % 2 ? "\u200B" : ""
}

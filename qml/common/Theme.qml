pragma Singleton
import QtQuick

// One palette and one set of measures for every panel, so that panels written later look
// like the first ones. Colours follow KDE's Breeze light scheme.
QtObject {
    readonly property color window: "#eff0f1"
    readonly property color view: "#fcfcfc"
    readonly property color alternateView: "#f4f5f6"
    readonly property color text: "#232629"
    readonly property color mutedText: "#5d6165"
    readonly property color faintText: "#8a8f94"
    readonly property color border: "#d1d3d5"
    readonly property color accent: "#3daee9"
    readonly property color accentStrong: "#2980b9"
    readonly property color accentSoft: "#d6ecf8"
    readonly property color positive: "#27ae60"
    readonly property color positiveSoft: "#dff3e7"
    readonly property color negative: "#da4453"
    readonly property color negativeText: "#b8283a"
    readonly property color negativeSoft: "#fbe3e6"
    readonly property color neutral: "#f67400"
    readonly property color neutralSoft: "#fdecd9"

    readonly property color sidebar: "#e3e5e7"
    readonly property color terminal: "#232629"
    readonly property color terminalText: "#eff0f1"
    readonly property color terminalPrompt: "#1abc9c"
    readonly property color terminalMuted: "#8a8f94"

    readonly property string monospace: "monospace"

    readonly property int gap: 8
    readonly property int margin: 20
    readonly property int radius: 4
    readonly property real titleScale: 1.7
    readonly property real headingScale: 1.15
    readonly property real smallScale: 0.9
}

import QtQuick

// Line icons for the panels, drawn rather than loaded: Debian's Qt 6.4 has no SVG image
// plugin installed by default, and drawn icons take the colour of the text next to them.
Canvas {
    id: icon
    property string name
    property color color: Theme.text
    implicitWidth: 20
    implicitHeight: 20
    antialiasing: true

    onNameChanged: requestPaint()
    onColorChanged: requestPaint()
    onWidthChanged: requestPaint()
    onHeightChanged: requestPaint()

    onPaint: {
        const ctx = getContext("2d")
        ctx.reset()
        // Drawn on a 24 × 24 grid and scaled to the item.
        const scale = Math.min(width, height) / 24
        ctx.scale(scale, scale)
        ctx.strokeStyle = icon.color
        ctx.fillStyle = icon.color
        ctx.lineWidth = 1.7
        ctx.lineJoin = "round"
        ctx.lineCap = "round"

        function line(points) {
            ctx.beginPath()
            ctx.moveTo(points[0], points[1])
            for (let i = 2; i < points.length; i += 2)
                ctx.lineTo(points[i], points[i + 1])
            ctx.stroke()
        }
        function circle(x, y, r, filled) {
            ctx.beginPath()
            ctx.arc(x, y, r, 0, 2 * Math.PI)
            filled ? ctx.fill() : ctx.stroke()
        }

        switch (icon.name) {
        case "images": // stacked layers
            line([12, 3, 21, 7.5, 12, 12, 3, 7.5, 12, 3])
            line([3, 12, 12, 16.5, 21, 12])
            line([3, 16.5, 12, 21, 21, 16.5])
            break
        case "containers": // a shipping container
            ctx.strokeRect(3, 6, 18, 12)
            for (let x = 7.5; x < 20; x += 4.5)
                line([x, 9, x, 15])
            break
        case "volumes": // a drum of data
            ctx.beginPath()
            ctx.ellipse(4, 3, 16, 5)
            ctx.stroke()
            line([4, 5.5, 4, 18.5])
            line([20, 5.5, 20, 18.5])
            ctx.beginPath()
            ctx.moveTo(4, 12)
            ctx.bezierCurveTo(4, 15.3, 20, 15.3, 20, 12)
            ctx.stroke()
            ctx.beginPath()
            ctx.moveTo(4, 18.5)
            ctx.bezierCurveTo(4, 21.8, 20, 21.8, 20, 18.5)
            ctx.stroke()
            break
        case "networks": // three connected hosts
            line([12, 6.5, 6, 17])
            line([12, 6.5, 18, 17])
            line([6, 17, 18, 17])
            circle(12, 5, 2.5, true)
            circle(5, 18.5, 2.5, true)
            circle(19, 18.5, 2.5, true)
            break
        case "dockerfile": // a page of text
            line([6, 3, 14, 3, 19, 8, 19, 21, 6, 21, 6, 3])
            line([14, 3, 14, 8, 19, 8])
            line([9, 12, 16, 12])
            line([9, 15, 16, 15])
            line([9, 18, 13, 18])
            break
        case "learn": // an open book
            line([12, 6, 12, 20])
            line([12, 6, 8, 4.5, 3, 4.5, 3, 18.5, 8, 18.5, 12, 20])
            line([12, 6, 16, 4.5, 21, 4.5, 21, 18.5, 16, 18.5, 12, 20])
            break
        case "system": // a chip
            ctx.strokeRect(6.5, 6.5, 11, 11)
            ctx.fillRect(9.5, 9.5, 5, 5)
            for (let p = 9.5; p <= 14.5; p += 5) {
                line([p, 3, p, 6.5]); line([p, 17.5, p, 21])
                line([3, p, 6.5, p]); line([17.5, p, 21, p])
            }
            break
        case "settings": // sliders
            line([4, 6, 20, 6]); line([4, 12, 20, 12]); line([4, 18, 20, 18])
            circle(9, 6, 2.3, true); circle(16, 12, 2.3, true); circle(7, 18, 2.3, true)
            break
        case "copy":
            ctx.strokeRect(8.5, 8.5, 12, 12)
            line([15.5, 8.5, 15.5, 3.5, 3.5, 3.5, 3.5, 15.5, 8.5, 15.5])
            break
        case "check":
            line([4.5, 12.5, 9.5, 17.5, 19.5, 6.5])
            break
        case "warning":
            line([12, 3, 22, 20.5, 2, 20.5, 12, 3])
            line([12, 9.5, 12, 14])
            circle(12, 17.3, 0.9, true)
            break
        }
    }
}

#include "terminal_view.h"

#include "terminal_keyboard.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QInputMethodEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QtMath>

#include <vterm.h>

#include <algorithm>
#include <deque>
#include <vector>

namespace {

// The right half of a wide character holds this instead of a character (libvterm's mark).
constexpr uint32_t wideContinuation = 0xffffffff;

/// xterm's colours: the 16 ANSI colours, a 6×6×6 cube, then 24 greys.
QColor paletteColor(int index)
{
    static const QRgb ansi[16] = {0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd, 0xe5e5e5,
                                  0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff, 0x00ffff, 0xffffff};
    if (index < 16)
        return QColor(ansi[index]);
    if (index < 232) {
        const int cube = index - 16;
        auto level = [](int step) { return step == 0 ? 0 : 55 + 40 * step; };
        return QColor(level(cube / 36), level(cube / 6 % 6), level(cube % 6));
    }
    const int grey = 8 + 10 * (index - 232);
    return QColor(grey, grey, grey);
}

bool isBlankCell(const VTermScreenCell &cell)
{
    return cell.chars[0] == 0 || cell.chars[0] == ' ';
}

QString cellText(const VTermScreenCell &cell)
{
    QString text;
    for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] != 0; ++i) {
        if (cell.chars[i] == wideContinuation)
            return {};
        const char32_t character = cell.chars[i];
        text += QString::fromUcs4(&character, 1);
    }
    return text;
}

} // namespace

struct TerminalView::Scrollback {
    std::deque<std::vector<VTermScreenCell>> lines;
};

// libvterm calls these with the view as user data; they are members so they reach its state.
struct TerminalView::Callbacks {
    static TerminalView *view(void *user) { return static_cast<TerminalView *>(user); }

    static int damage(VTermRect, void *user)
    {
        view(user)->update();
        return 1;
    }

    static int moveRect(VTermRect, VTermRect, void *user)
    {
        view(user)->update();
        return 1;
    }

    static int moveCursor(VTermPos position, VTermPos, int, void *user)
    {
        TerminalView *self = view(user);
        if (self->cursorRow_ != position.row || self->cursorColumn_ != position.col) {
            self->cursorRow_ = position.row;
            self->cursorColumn_ = position.col;
            Q_EMIT self->cursorChanged();
        }
        self->update();
        return 1;
    }

    static int setTerminalProperty(VTermProp property, VTermValue *value, void *user)
    {
        TerminalView *self = view(user);
        switch (property) {
        case VTERM_PROP_TITLE: {
            const QString title = QString::fromUtf8(value->string ? value->string : "");
            if (title != self->title_) {
                self->title_ = title;
                Q_EMIT self->titleChanged();
            }
            break;
        }
        case VTERM_PROP_CURSORVISIBLE:
            if (self->cursorVisible_ != bool(value->boolean)) {
                self->cursorVisible_ = value->boolean;
                Q_EMIT self->cursorChanged();
            }
            break;
        case VTERM_PROP_CURSORSHAPE:
            self->cursorShape_ = value->number;
            break;
        case VTERM_PROP_ALTSCREEN:
            if (self->alternateScreen_ != bool(value->boolean)) {
                self->alternateScreen_ = value->boolean;
                // The alternate screen has no scrollback; show it, not old lines.
                self->setScrollOffset(0);
                self->clearSelection();
                Q_EMIT self->alternateScreenChanged();
            }
            break;
        case VTERM_PROP_REVERSE:
            self->screenReversed_ = value->boolean;
            break;
        case VTERM_PROP_MOUSE:
            self->mouseMode_ = value->number;
            break;
        default:
            // Blinking and the icon name are not shown.
            break;
        }
        self->update();
        return 1;
    }

    static int bell(void *)
    {
        // A bell could flash the tab some day; for now it is accepted and ignored.
        return 1;
    }

    static int pushLine(int columns, const VTermScreenCell *cells, void *user)
    {
        TerminalView *self = view(user);
        auto &lines = self->scrollback_->lines;
        lines.emplace_back(cells, cells + columns);
        bool dropped = false;
        while (int(lines.size()) > self->scrollbackLimit_) {
            lines.pop_front();
            dropped = true;
        }
        if (dropped && self->selectionActive_) {
            // Positions count lines from the oldest; one fewer line moves the selection up.
            --self->selectionAnchor_.line;
            --self->selectionEnd_.line;
            if (self->selectionAnchor_.line < 0 || self->selectionEnd_.line < 0)
                self->clearSelection();
        }
        // A person reading old lines keeps seeing the same lines while new ones arrive.
        if (self->scrollOffset_ > 0 && !dropped)
            self->setScrollOffset(self->scrollOffset_ + 1);
        Q_EMIT self->scrollbackChanged();
        return 1;
    }

    static int popLine(int columns, VTermScreenCell *cells, void *user)
    {
        TerminalView *self = view(user);
        auto &lines = self->scrollback_->lines;
        if (lines.empty())
            return 0;
        const std::vector<VTermScreenCell> &line = lines.back();
        for (int column = 0; column < columns; ++column) {
            if (column < int(line.size())) {
                cells[column] = line[size_t(column)];
            } else {
                cells[column] = VTermScreenCell{};
                cells[column].width = 1;
                cells[column].fg.type = VTERM_COLOR_DEFAULT_FG;
                cells[column].bg.type = VTERM_COLOR_DEFAULT_BG;
            }
        }
        lines.pop_back();
        self->setScrollOffset(std::min(self->scrollOffset_, int(lines.size())));
        Q_EMIT self->scrollbackChanged();
        return 1;
    }

    static void output(const char *bytes, size_t length, void *user) { view(user)->queueOutput(bytes, length); }

    static const VTermScreenCallbacks *table()
    {
        static const VTermScreenCallbacks callbacks = {
            .damage = &damage,
            .moverect = &moveRect,
            .movecursor = &moveCursor,
            .settermprop = &setTerminalProperty,
            .bell = &bell,
            .resize = nullptr,
            .sb_pushline = &pushLine,
            .sb_popline = &popLine,
        };
        return &callbacks;
    }
};

// Reading cells wherever they are (scrollback or screen) and the colours to draw them in.
struct TerminalView::Cells {
    static VTermScreenCell blank()
    {
        VTermScreenCell cell{};
        cell.width = 1;
        cell.fg.type = VTERM_COLOR_DEFAULT_FG;
        cell.bg.type = VTERM_COLOR_DEFAULT_BG;
        return cell;
    }

    /// The cell at column of line (see TextPosition); a blank one past a short scrollback line.
    static VTermScreenCell at(const TerminalView &view, int line, int column)
    {
        const int stored = view.scrollbackLines();
        if (line < stored) {
            const std::vector<VTermScreenCell> &cells = view.scrollback_->lines[size_t(line)];
            return column >= 0 && column < int(cells.size()) ? cells[size_t(column)] : blank();
        }
        VTermScreenCell cell = blank();
        const VTermPos position{line - stored, column};
        if (position.row >= 0 && position.row < view.rows_ && column >= 0 && column < view.columns_)
            vterm_screen_get_cell(view.screen_, position, &cell);
        return cell;
    }

    static bool isContinuation(const VTermScreenCell &cell) { return cell.chars[0] == wideContinuation; }

    static QColor resolve(const TerminalView &view, const VTermColor &color)
    {
        const QColor &defaultForeground = view.screenReversed_ ? view.background_ : view.foreground_;
        const QColor &defaultBackground = view.screenReversed_ ? view.foreground_ : view.background_;
        if (VTERM_COLOR_IS_DEFAULT_FG(&color))
            return defaultForeground;
        if (VTERM_COLOR_IS_DEFAULT_BG(&color))
            return defaultBackground;
        if (VTERM_COLOR_IS_INDEXED(&color))
            return paletteColor(color.indexed.idx);
        return QColor(color.rgb.red, color.rgb.green, color.rgb.blue);
    }

    /// Foreground and background as drawn: reverse video swaps them.
    static std::pair<QColor, QColor> drawnColors(const TerminalView &view, const VTermScreenCell &cell)
    {
        QColor foreground = resolve(view, cell.fg);
        QColor background = resolve(view, cell.bg);
        if (cell.attrs.reverse)
            std::swap(foreground, background);
        return {foreground, background};
    }
};

TerminalView::TerminalView(QQuickItem *parent)
    : QQuickPaintedItem(parent), scrollback_(std::make_unique<Scrollback>()),
      font_(QFontDatabase::systemFont(QFontDatabase::FixedFont))
{
    setFlag(ItemAcceptsInputMethod, true);
    setAcceptedMouseButtons(Qt::AllButtons);
    setActiveFocusOnTab(true);
    setOpaquePainting(true);
    setFillColor(background_);

    terminal_ = vterm_new(rows_, columns_);
    vterm_set_utf8(terminal_, 1);
    vterm_output_set_callback(terminal_, &Callbacks::output, this);
    state_ = vterm_obtain_state(terminal_);
    screen_ = vterm_obtain_screen(terminal_);
    vterm_screen_set_callbacks(screen_, Callbacks::table(), this);
    vterm_screen_set_damage_merge(screen_, VTERM_DAMAGE_SCROLL);
    vterm_screen_enable_altscreen(screen_, 1);
    vterm_screen_reset(screen_, 1);

    updateCellMetrics();
    setImplicitSize(columns_ * cellWidth_, rows_ * cellHeight_);
}

TerminalView::~TerminalView()
{
    vterm_free(terminal_);
}

void TerminalView::setFont(const QFont &font)
{
    if (font == font_)
        return;
    font_ = font;
    updateCellMetrics();
    Q_EMIT fontChanged();
    updateTerminalSize();
    update();
}

void TerminalView::setForegroundColor(const QColor &color)
{
    if (color == foreground_)
        return;
    foreground_ = color;
    Q_EMIT colorsChanged();
    update();
}

void TerminalView::setBackgroundColor(const QColor &color)
{
    if (color == background_)
        return;
    background_ = color;
    setFillColor(color);
    Q_EMIT colorsChanged();
    update();
}

void TerminalView::setSelectionColor(const QColor &color)
{
    if (color == selection_)
        return;
    selection_ = color;
    Q_EMIT colorsChanged();
    update();
}

void TerminalView::setScrollbackLimit(int lines)
{
    lines = std::max(0, lines);
    if (lines == scrollbackLimit_)
        return;
    scrollbackLimit_ = lines;
    auto &stored = scrollback_->lines;
    if (int(stored.size()) > lines) {
        stored.erase(stored.begin(), stored.begin() + (int(stored.size()) - lines));
        clearSelection();
        setScrollOffset(std::min(scrollOffset_, lines));
        Q_EMIT scrollbackChanged();
    }
    Q_EMIT scrollbackLimitChanged();
    update();
}

int TerminalView::scrollbackLines() const
{
    return int(scrollback_->lines.size());
}

void TerminalView::setScrollOffset(int lines)
{
    lines = std::clamp(lines, 0, scrollbackLines());
    if (lines == scrollOffset_)
        return;
    scrollOffset_ = lines;
    Q_EMIT scrollOffsetChanged();
    update();
}

bool TerminalView::hasSelection() const
{
    return selectionActive_;
}

void TerminalView::updateCellMetrics()
{
    // Cells sit on a whole-pixel grid so that neighbouring backgrounds leave no seams.
    font_.setKerning(false);
    boldFont_ = font_;
    boldFont_.setBold(true);
    italicFont_ = font_;
    italicFont_.setItalic(true);
    boldItalicFont_ = boldFont_;
    boldItalicFont_.setItalic(true);
    const QFontMetricsF metrics(font_);
    cellWidth_ = std::max<qreal>(1, qCeil(metrics.horizontalAdvance(QLatin1Char('M'))));
    cellHeight_ = std::max<qreal>(1, qCeil(metrics.height()));
    ascent_ = metrics.ascent();
}

void TerminalView::updateTerminalSize()
{
    if (width() <= 0 || height() <= 0)
        return;
    // Two columns at least, so that a wide character always fits.
    applySize(std::max(1, int(height() / cellHeight_)), std::max(2, int(width() / cellWidth_)));
}

void TerminalView::resizeTerminal(int rows, int columns)
{
    applySize(std::max(1, rows), std::max(2, columns));
}

void TerminalView::applySize(int rows, int columns)
{
    if (rows == rows_ && columns == columns_)
        return;
    clearSelection();
    rows_ = rows;
    columns_ = columns;
    vterm_set_size(terminal_, rows, columns);
    vterm_screen_flush_damage(screen_);
    setScrollOffset(scrollOffset_);
    flushOutput();
    update();
    Q_EMIT terminalSizeChanged(rows, columns);
}

void TerminalView::geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry)
{
    QQuickPaintedItem::geometryChange(newGeometry, oldGeometry);
    if (newGeometry.size() != oldGeometry.size())
        updateTerminalSize();
}

void TerminalView::feed(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return;
    vterm_input_write(terminal_, bytes.constData(), size_t(bytes.size()));
    vterm_screen_flush_damage(screen_);
    flushOutput();
    update();
}

void TerminalView::queueOutput(const char *bytes, size_t length)
{
    pendingOutput_.append(bytes, qsizetype(length));
}

void TerminalView::flushOutput()
{
    if (pendingOutput_.isEmpty())
        return;
    const QByteArray bytes = std::exchange(pendingOutput_, QByteArray());
    Q_EMIT programInput(bytes);
}

int TerminalView::firstShownLine() const
{
    return scrollbackLines() - scrollOffset_;
}

QString TerminalView::lineText(int line, int fromColumn, int toColumn) const
{
    QString text;
    if (fromColumn > 0 && Cells::isContinuation(Cells::at(*this, line, fromColumn)))
        --fromColumn;
    for (int column = fromColumn; column <= toColumn; ++column) {
        const VTermScreenCell cell = Cells::at(*this, line, column);
        if (Cells::isContinuation(cell))
            continue;
        text += cell.chars[0] == 0 ? QStringLiteral(" ") : cellText(cell);
    }
    while (text.endsWith(QLatin1Char(' ')))
        text.chop(1);
    return text;
}

QString TerminalView::rowText(int row) const
{
    if (row < 0 || row >= rows_)
        return {};
    return lineText(scrollbackLines() + row, 0, columns_ - 1);
}

QString TerminalView::scrollbackText(int line) const
{
    const int stored = scrollbackLines();
    if (line < 0 || line >= stored)
        return {};
    const int index = stored - 1 - line;
    return lineText(index, 0, int(scrollback_->lines[size_t(index)].size()) - 1);
}

QVariantMap TerminalView::cell(int row, int column) const
{
    if (row < 0 || row >= rows_ || column < 0 || column >= columns_)
        return {};
    const VTermScreenCell cell = Cells::at(*this, scrollbackLines() + row, column);
    const bool continuation = Cells::isContinuation(cell);
    return {
        {QStringLiteral("text"), cellText(cell)},
        {QStringLiteral("width"), continuation ? 0 : int(cell.width)},
        {QStringLiteral("bold"), bool(cell.attrs.bold)},
        {QStringLiteral("italic"), bool(cell.attrs.italic)},
        {QStringLiteral("underline"), int(cell.attrs.underline)},
        {QStringLiteral("reverse"), bool(cell.attrs.reverse)},
        {QStringLiteral("strike"), bool(cell.attrs.strike)},
        {QStringLiteral("foreground"), Cells::resolve(*this, cell.fg)},
        {QStringLiteral("background"), Cells::resolve(*this, cell.bg)},
        {QStringLiteral("defaultForeground"), VTERM_COLOR_IS_DEFAULT_FG(&cell.fg)},
        {QStringLiteral("defaultBackground"), VTERM_COLOR_IS_DEFAULT_BG(&cell.bg)},
    };
}

QColor TerminalView::drawnForeground(int row, int column) const
{
    if (row < 0 || row >= rows_ || column < 0 || column >= columns_)
        return {};
    return Cells::drawnColors(*this, Cells::at(*this, scrollbackLines() + row, column)).first;
}

QColor TerminalView::drawnBackground(int row, int column) const
{
    if (row < 0 || row >= rows_ || column < 0 || column >= columns_)
        return {};
    return Cells::drawnColors(*this, Cells::at(*this, scrollbackLines() + row, column)).second;
}

void TerminalView::paint(QPainter *painter)
{
    const QColor defaultBackground = screenReversed_ ? foreground_ : background_;
    painter->fillRect(QRectF(0, 0, width(), height()), defaultBackground);
    const int firstLine = firstShownLine();
    const QFontMetricsF metrics(font_);
    const qreal underlineOffset = std::max<qreal>(1, metrics.underlinePos());
    const qreal lineWidth = std::max<qreal>(1, metrics.lineWidth());
    const QFont *currentFont = nullptr;

    auto drawCell = [&](const VTermScreenCell &cell, qreal x, qreal y, qreal spanWidth, QColor foreground,
                        QColor background) {
        const QRectF rect(x, y, spanWidth, cellHeight_);
        if (background != defaultBackground)
            painter->fillRect(rect, background);
        const QString text = cellText(cell);
        if (!text.isEmpty() && text != QLatin1String(" ")) {
            const QFont *font = cell.attrs.bold ? (cell.attrs.italic ? &boldItalicFont_ : &boldFont_)
                                                : (cell.attrs.italic ? &italicFont_ : &font_);
            if (font != currentFont) {
                painter->setFont(*font);
                currentFont = font;
            }
            painter->setPen(foreground);
            // A glyph from a fallback font (CJK) may be narrower than its cells: centre it.
            qreal offset = 0;
            if (cell.width > 1 || text.front().unicode() > 0x7f) {
                const qreal advance = QFontMetricsF(*font).horizontalAdvance(text);
                if (advance < spanWidth)
                    offset = (spanWidth - advance) / 2;
            }
            painter->drawText(QPointF(x + offset, y + ascent_), text);
        }
        if (cell.attrs.underline != VTERM_UNDERLINE_OFF) {
            const qreal lineY = std::min(y + ascent_ + underlineOffset, y + cellHeight_ - lineWidth);
            painter->fillRect(QRectF(x, lineY, spanWidth, lineWidth), foreground);
            if (cell.attrs.underline == VTERM_UNDERLINE_DOUBLE)
                painter->fillRect(QRectF(x, lineY - 2 * lineWidth, spanWidth, lineWidth), foreground);
        }
        if (cell.attrs.strike)
            painter->fillRect(QRectF(x, y + ascent_ * 0.65, spanWidth, lineWidth), foreground);
    };

    for (int row = 0; row < rows_; ++row) {
        const int line = firstLine + row;
        const qreal y = row * cellHeight_;
        for (int column = 0; column < columns_; ++column) {
            const VTermScreenCell cell = Cells::at(*this, line, column);
            if (Cells::isContinuation(cell))
                continue;
            const int span = cell.width == 2 && column + 1 < columns_ ? 2 : 1;
            auto [foreground, background] = Cells::drawnColors(*this, cell);
            if (isSelected(line, column) || (span == 2 && isSelected(line, column + 1)))
                background = selection_;
            drawCell(cell, column * cellWidth_, y, span * cellWidth_, foreground, background);
            column += span - 1;
        }
    }

    const int cursorShownRow = scrollbackLines() + cursorRow_ - firstLine;
    if (!cursorVisible_ || cursorShownRow < 0 || cursorShownRow >= rows_)
        return;
    const VTermScreenCell cell = Cells::at(*this, scrollbackLines() + cursorRow_, cursorColumn_);
    const int span = cell.width == 2 && cursorColumn_ + 1 < columns_ ? 2 : 1;
    const QRectF rect(cursorColumn_ * cellWidth_, cursorShownRow * cellHeight_, span * cellWidth_, cellHeight_);
    const auto [foreground, background] = Cells::drawnColors(*this, cell);
    if (!hasActiveFocus()) {
        painter->setPen(QPen(foreground, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5));
    } else if (cursorShape_ == VTERM_PROP_CURSORSHAPE_UNDERLINE) {
        painter->fillRect(QRectF(rect.left(), rect.bottom() - 2, rect.width(), 2), foreground);
    } else if (cursorShape_ == VTERM_PROP_CURSORSHAPE_BAR_LEFT) {
        painter->fillRect(QRectF(rect.left(), rect.top(), 2, rect.height()), foreground);
    } else {
        // A block: the cell drawn with its colours swapped.
        drawCell(cell, rect.x(), rect.y(), rect.width(), background, foreground);
    }
}

TerminalView::TextPosition TerminalView::positionAt(const QPointF &point) const
{
    const int row = std::clamp(int(std::floor(point.y() / cellHeight_)), 0, rows_ - 1);
    const int column = std::clamp(int(std::floor(point.x() / cellWidth_)), 0, columns_ - 1);
    return {firstShownLine() + row, column};
}

namespace {

bool before(int lineA, int columnA, int lineB, int columnB)
{
    return lineA < lineB || (lineA == lineB && columnA < columnB);
}

} // namespace

bool TerminalView::isSelected(int line, int column) const
{
    if (!selectionActive_)
        return false;
    TextPosition start = selectionAnchor_;
    TextPosition end = selectionEnd_;
    if (before(end.line, end.column, start.line, start.column))
        std::swap(start, end);
    return !before(line, column, start.line, start.column) && !before(end.line, end.column, line, column);
}

QString TerminalView::selectedText() const
{
    if (!selectionActive_)
        return {};
    TextPosition start = selectionAnchor_;
    TextPosition end = selectionEnd_;
    if (before(end.line, end.column, start.line, start.column))
        std::swap(start, end);
    QStringList lines;
    for (int line = start.line; line <= end.line; ++line) {
        const int from = line == start.line ? start.column : 0;
        // A scrollback line kept from before the terminal narrowed may be longer than a row.
        const int width = line < scrollbackLines() ? std::max(columns_, int(scrollback_->lines[size_t(line)].size()))
                                                   : columns_;
        lines << lineText(line, from, line == end.line ? end.column : width - 1);
    }
    return lines.join(QLatin1Char('\n'));
}

void TerminalView::select(int startRow, int startColumn, int endRow, int endColumn)
{
    const int first = firstShownLine();
    selectionAnchor_ = {first + std::clamp(startRow, 0, rows_ - 1), std::clamp(startColumn, 0, columns_ - 1)};
    selectionEnd_ = {first + std::clamp(endRow, 0, rows_ - 1), std::clamp(endColumn, 0, columns_ - 1)};
    selectionActive_ = true;
    Q_EMIT selectionChanged();
    update();
}

void TerminalView::clearSelection()
{
    selecting_ = false;
    if (!selectionActive_)
        return;
    selectionActive_ = false;
    Q_EMIT selectionChanged();
    update();
}

void TerminalView::copy()
{
    if (!selectionActive_)
        return;
    const QString text = selectedText();
    QClipboard *clipboard = QGuiApplication::clipboard();
    clipboard->setText(text, QClipboard::Clipboard);
    if (clipboard->supportsSelection())
        clipboard->setText(text, QClipboard::Selection);
}

void TerminalView::paste()
{
    sendPaste(QGuiApplication::clipboard()->text(QClipboard::Clipboard));
}

void TerminalView::sendPaste(const QString &text)
{
    if (text.isEmpty())
        return;
    QString normalized = text;
    // Terminals send Return, not line feeds, for pasted line ends, as if typed.
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\r"));
    normalized.replace(QLatin1Char('\n'), QLatin1Char('\r'));
    // A pasted end-of-paste mark would let the rest run as typed commands.
    normalized.remove(QLatin1String("\x1b[201~"));
    vterm_keyboard_start_paste(terminal_);
    const QByteArray bytes = normalized.toUtf8();
    queueOutput(bytes.constData(), size_t(bytes.size()));
    vterm_keyboard_end_paste(terminal_);
    setScrollOffset(0);
    flushOutput();
}

bool TerminalView::sendKey(QKeyEvent *event)
{
    const int key = event->key();
    int modifiers = berth::terminal::modifiersOf(event->modifiers());
    if (const VTermKey special = berth::terminal::vtermKeyOf(key); special != VTERM_KEY_NONE) {
        // libvterm sends CSI u forms for Shift or Ctrl with these, which shells do not read;
        // terminals send the plain key (Shift+Tab stays back-tab).
        if (special == VTERM_KEY_ENTER || special == VTERM_KEY_BACKSPACE || special == VTERM_KEY_ESCAPE)
            modifiers &= ~(VTERM_MOD_SHIFT | VTERM_MOD_CTRL);
        if (special == VTERM_KEY_TAB) {
            modifiers &= ~VTERM_MOD_CTRL;
            if (key == Qt::Key_Backtab)
                modifiers |= VTERM_MOD_SHIFT;
        }
        vterm_keyboard_key(terminal_, special, VTermModifier(modifiers));
        return true;
    }
    if (modifiers & VTERM_MOD_CTRL) {
        if (const int control = berth::terminal::controlCharacterOf(key); control >= 0) {
            const char bytes[2] = {'\x1b', char(control)};
            if (modifiers & VTERM_MOD_ALT)
                queueOutput(bytes, 2);
            else
                queueOutput(bytes + 1, 1);
            return true;
        }
    }
    const QString text = event->text();
    if (text.isEmpty())
        return false;
    const bool alt = modifiers & VTERM_MOD_ALT;
    for (const char32_t character : text.toUcs4()) {
        if (character < 0x20 || character == 0x7f) {
            // Already a control character (a keyboard layout made it): send it as it is.
            const char bytes[2] = {'\x1b', char(character)};
            queueOutput(alt ? bytes : bytes + 1, alt ? 2 : 1);
        } else {
            // Shift already chose the character; libvterm would add a CSI u form for it.
            vterm_keyboard_unichar(terminal_, character, alt ? VTERM_MOD_ALT : VTERM_MOD_NONE);
        }
    }
    return true;
}

void TerminalView::keyPressEvent(QKeyEvent *event)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    if (modifiers == (Qt::ControlModifier | Qt::ShiftModifier)) {
        if (event->key() == Qt::Key_C) {
            copy();
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_V) {
            paste();
            event->accept();
            return;
        }
    }
    if (modifiers == Qt::ShiftModifier && !alternateScreen_) {
        const int page = std::max(1, rows_ - 1);
        if (event->key() == Qt::Key_PageUp) {
            setScrollOffset(scrollOffset_ + page);
            event->accept();
            return;
        }
        if (event->key() == Qt::Key_PageDown) {
            setScrollOffset(scrollOffset_ - page);
            event->accept();
            return;
        }
    }
    if (modifiers == Qt::ShiftModifier && event->key() == Qt::Key_Insert) {
        paste();
        event->accept();
        return;
    }
    if (!sendKey(event)) {
        event->ignore();
        return;
    }
    event->accept();
    setScrollOffset(0);
    flushOutput();
}

void TerminalView::inputMethodEvent(QInputMethodEvent *event)
{
    const QByteArray bytes = event->commitString().toUtf8();
    if (!bytes.isEmpty()) {
        queueOutput(bytes.constData(), size_t(bytes.size()));
        setScrollOffset(0);
        flushOutput();
    }
    event->accept();
}

QVariant TerminalView::inputMethodQuery(Qt::InputMethodQuery query) const
{
    switch (query) {
    case Qt::ImEnabled:
        return true;
    case Qt::ImHints:
        return int(Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase);
    case Qt::ImFont:
        return font_;
    case Qt::ImCursorRectangle:
        return QRectF(cursorColumn_ * cellWidth_, (scrollOffset_ + cursorRow_) * cellHeight_, cellWidth_, cellHeight_);
    default:
        return QQuickPaintedItem::inputMethodQuery(query);
    }
}

bool TerminalView::reportMouse(QMouseEvent *event, bool pressed, bool released)
{
    if (mouseMode_ == VTERM_PROP_MOUSE_NONE || (event->modifiers() & Qt::ShiftModifier))
        return false;
    const int row = std::clamp(int(std::floor(event->position().y() / cellHeight_)), 0, rows_ - 1);
    const int column = std::clamp(int(std::floor(event->position().x() / cellWidth_)), 0, columns_ - 1);
    const VTermModifier modifiers = berth::terminal::modifiersOf(event->modifiers());
    vterm_mouse_move(terminal_, row, column, modifiers);
    if (pressed || released) {
        int button = 0;
        switch (event->button()) {
        case Qt::LeftButton:
            button = 1;
            break;
        case Qt::MiddleButton:
            button = 2;
            break;
        case Qt::RightButton:
            button = 3;
            break;
        default:
            break;
        }
        if (button != 0)
            vterm_mouse_button(terminal_, button, pressed, modifiers);
    }
    flushOutput();
    return true;
}

void TerminalView::mousePressEvent(QMouseEvent *event)
{
    forceActiveFocus(Qt::MouseFocusReason);
    event->accept();
    if (reportMouse(event, true, false))
        return;
    if (event->button() == Qt::MiddleButton) {
        QClipboard *clipboard = QGuiApplication::clipboard();
        sendPaste(clipboard->text(clipboard->supportsSelection() ? QClipboard::Selection : QClipboard::Clipboard));
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    clearSelection();
    selecting_ = true;
    selectionAnchor_ = selectionEnd_ = positionAt(event->position());
}

void TerminalView::mouseMoveEvent(QMouseEvent *event)
{
    event->accept();
    if (!selecting_) {
        reportMouse(event, false, false);
        return;
    }
    const TextPosition position = positionAt(event->position());
    if (!selectionActive_ && position.line == selectionAnchor_.line && position.column == selectionAnchor_.column)
        return;
    selectionEnd_ = position;
    if (!selectionActive_) {
        selectionActive_ = true;
        Q_EMIT selectionChanged();
    }
    update();
}

void TerminalView::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    if (!selecting_) {
        reportMouse(event, false, true);
        return;
    }
    selecting_ = false;
    // Selecting copies, as terminals on Linux do; Ctrl+Shift+C copies again.
    copy();
}

void TerminalView::mouseDoubleClickEvent(QMouseEvent *event)
{
    event->accept();
    if (event->button() != Qt::LeftButton || reportMouse(event, true, false))
        return;
    // Selects the word under the pointer: the run of non-blank cells around it.
    const TextPosition position = positionAt(event->position());
    auto blankAt = [&](int column) { return isBlankCell(Cells::at(*this, position.line, column)); };
    if (blankAt(position.column))
        return;
    int start = position.column;
    while (start > 0 && !blankAt(start - 1))
        --start;
    int end = position.column;
    while (end + 1 < columns_ && !blankAt(end + 1))
        ++end;
    selecting_ = false;
    selectionAnchor_ = {position.line, start};
    selectionEnd_ = {position.line, end};
    selectionActive_ = true;
    Q_EMIT selectionChanged();
    update();
    copy();
}

void TerminalView::wheelEvent(QWheelEvent *event)
{
    event->accept();
    const int notches = event->angleDelta().y() / 120;
    const int steps = notches != 0 ? notches : (event->angleDelta().y() > 0 ? 1 : event->angleDelta().y() < 0 ? -1 : 0);
    if (steps == 0)
        return;
    const VTermModifier modifiers = berth::terminal::modifiersOf(event->modifiers());
    if (mouseMode_ != VTERM_PROP_MOUSE_NONE && !(event->modifiers() & Qt::ShiftModifier)) {
        const int row = std::clamp(int(std::floor(event->position().y() / cellHeight_)), 0, rows_ - 1);
        const int column = std::clamp(int(std::floor(event->position().x() / cellWidth_)), 0, columns_ - 1);
        vterm_mouse_move(terminal_, row, column, modifiers);
        for (int i = 0; i < std::abs(steps); ++i)
            vterm_mouse_button(terminal_, steps > 0 ? 4 : 5, true, modifiers);
        flushOutput();
        return;
    }
    if (alternateScreen_) {
        // Full-screen programs (less, vi) have no scrollback here: the wheel moves their cursor.
        for (int i = 0; i < 3 * std::abs(steps); ++i)
            vterm_keyboard_key(terminal_, steps > 0 ? VTERM_KEY_UP : VTERM_KEY_DOWN, VTERM_MOD_NONE);
        flushOutput();
        return;
    }
    setScrollOffset(scrollOffset_ + 3 * steps);
}

void TerminalView::focusInEvent(QFocusEvent *event)
{
    QQuickPaintedItem::focusInEvent(event);
    vterm_state_focus_in(state_);
    flushOutput();
    update();
}

void TerminalView::focusOutEvent(QFocusEvent *event)
{
    QQuickPaintedItem::focusOutEvent(event);
    vterm_state_focus_out(state_);
    flushOutput();
    update();
}

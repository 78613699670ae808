// A terminal screen for QML: libvterm interprets the program's output, this item draws the
// cells and keeps the scrollback, and turns keys, pastes and mouse use into the bytes the
// program reads. It knows nothing of where the bytes go; PtyChannel connects it to a pty.
#pragma once

#include <QColor>
#include <QFont>
#include <QQuickPaintedItem>
#include <QVariantMap>

#include <memory>

struct VTerm;
struct VTermScreen;
struct VTermState;

class TerminalView : public QQuickPaintedItem {
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(int rows READ rows NOTIFY terminalSizeChanged)
    Q_PROPERTY(int columns READ columns NOTIFY terminalSizeChanged)
    Q_PROPERTY(QString title READ title NOTIFY titleChanged)
    Q_PROPERTY(QFont font READ font WRITE setFont NOTIFY fontChanged)
    Q_PROPERTY(QColor foregroundColor READ foregroundColor WRITE setForegroundColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor backgroundColor READ backgroundColor WRITE setBackgroundColor NOTIFY colorsChanged)
    Q_PROPERTY(QColor selectionColor READ selectionColor WRITE setSelectionColor NOTIFY colorsChanged)
    Q_PROPERTY(int scrollbackLimit READ scrollbackLimit WRITE setScrollbackLimit NOTIFY scrollbackLimitChanged)
    Q_PROPERTY(int scrollbackLines READ scrollbackLines NOTIFY scrollbackChanged)
    Q_PROPERTY(int scrollOffset READ scrollOffset WRITE setScrollOffset NOTIFY scrollOffsetChanged)
    Q_PROPERTY(bool alternateScreen READ alternateScreen NOTIFY alternateScreenChanged)
    Q_PROPERTY(bool cursorVisible READ cursorVisible NOTIFY cursorChanged)
    Q_PROPERTY(int cursorRow READ cursorRow NOTIFY cursorChanged)
    Q_PROPERTY(int cursorColumn READ cursorColumn NOTIFY cursorChanged)
    Q_PROPERTY(qreal cellWidth READ cellWidth NOTIFY fontChanged)
    Q_PROPERTY(qreal cellHeight READ cellHeight NOTIFY fontChanged)
    Q_PROPERTY(bool hasSelection READ hasSelection NOTIFY selectionChanged)

public:
    explicit TerminalView(QQuickItem *parent = nullptr);
    ~TerminalView() override;

    [[nodiscard]] int rows() const { return rows_; }
    [[nodiscard]] int columns() const { return columns_; }
    [[nodiscard]] QString title() const { return title_; }
    [[nodiscard]] QFont font() const { return font_; }
    void setFont(const QFont &font);
    [[nodiscard]] QColor foregroundColor() const { return foreground_; }
    void setForegroundColor(const QColor &color);
    [[nodiscard]] QColor backgroundColor() const { return background_; }
    void setBackgroundColor(const QColor &color);
    [[nodiscard]] QColor selectionColor() const { return selection_; }
    void setSelectionColor(const QColor &color);
    [[nodiscard]] int scrollbackLimit() const { return scrollbackLimit_; }
    void setScrollbackLimit(int lines);
    [[nodiscard]] int scrollbackLines() const;
    /// How many lines the view is scrolled back into the scrollback (0: the live screen).
    [[nodiscard]] int scrollOffset() const { return scrollOffset_; }
    void setScrollOffset(int lines);
    [[nodiscard]] bool alternateScreen() const { return alternateScreen_; }
    [[nodiscard]] bool cursorVisible() const { return cursorVisible_; }
    [[nodiscard]] int cursorRow() const { return cursorRow_; }
    [[nodiscard]] int cursorColumn() const { return cursorColumn_; }
    [[nodiscard]] qreal cellWidth() const { return cellWidth_; }
    [[nodiscard]] qreal cellHeight() const { return cellHeight_; }
    [[nodiscard]] bool hasSelection() const;

    /// Interprets bytes the program wrote. Replies the terminal owes it (cursor position
    /// reports, device attributes) come out of programInput before this returns.
    Q_INVOKABLE void feed(const QByteArray &bytes);
    /// Sets the terminal's size in cells directly (the item's size sets it otherwise).
    Q_INVOKABLE void resizeTerminal(int rows, int columns);

    /// The text of screen row `row` (0 is the top of the live screen, not the scrollback),
    /// trailing blanks removed; a wide character counts once.
    Q_INVOKABLE QString rowText(int row) const;
    /// The text of a scrollback line; 0 is the newest (the one just above the screen).
    Q_INVOKABLE QString scrollbackText(int line) const;
    /// One screen cell: text, width (2 for the left half of a wide character, 0 for its right
    /// half), bold, italic, underline, reverse, strike, and foreground/background as the
    /// program set them (before reverse is applied) with defaultForeground/defaultBackground
    /// telling whether the program set them at all.
    Q_INVOKABLE QVariantMap cell(int row, int column) const;
    /// Colours the cell is drawn in, with reverse video applied (selection not included).
    Q_INVOKABLE QColor drawnForeground(int row, int column) const;
    Q_INVOKABLE QColor drawnBackground(int row, int column) const;

    /// The selected text, lines joined with \n and trailing blanks removed.
    Q_INVOKABLE QString selectedText() const;
    /// Selects from (startRow, startColumn) to (endRow, endColumn) inclusive, in rows of
    /// what is shown now (scroll offset included).
    Q_INVOKABLE void select(int startRow, int startColumn, int endRow, int endColumn);
    Q_INVOKABLE void clearSelection();
    /// Puts the selection on the clipboard (and the X11 selection).
    Q_INVOKABLE void copy();
    /// Sends the clipboard's text to the program, bracketed when it asked for that.
    Q_INVOKABLE void paste();
    /// Sends text to the program as if typed, bracketed as a paste when it asked for that.
    Q_INVOKABLE void sendPaste(const QString &text);

    void paint(QPainter *painter) override;
    QVariant inputMethodQuery(Qt::InputMethodQuery query) const override;

Q_SIGNALS:
    /// Bytes for the program to read: keys, pastes, mouse reports, replies.
    void programInput(const QByteArray &bytes);
    /// The size in cells changed (the item was resized or the font changed).
    void terminalSizeChanged(int rows, int columns);
    void titleChanged();
    void fontChanged();
    void colorsChanged();
    void scrollbackLimitChanged();
    void scrollbackChanged();
    void scrollOffsetChanged();
    void alternateScreenChanged();
    void cursorChanged();
    void selectionChanged();

protected:
    void geometryChange(const QRectF &newGeometry, const QRectF &oldGeometry) override;
    void keyPressEvent(QKeyEvent *event) override;
    void inputMethodEvent(QInputMethodEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    struct Callbacks;
    struct Cells;
    struct Scrollback;
    /// A place in the whole text: lines 0..scrollbackLines()-1 are the scrollback (oldest
    /// first), then the screen's rows.
    struct TextPosition {
        int line = 0;
        int column = 0;
    };

    void updateCellMetrics();
    void updateTerminalSize();
    void applySize(int rows, int columns);
    void queueOutput(const char *bytes, size_t length);
    void flushOutput();
    bool sendKey(QKeyEvent *event);
    bool reportMouse(QMouseEvent *event, bool pressed, bool released);
    [[nodiscard]] TextPosition positionAt(const QPointF &point) const;
    [[nodiscard]] int firstShownLine() const;
    [[nodiscard]] bool isSelected(int line, int column) const;
    [[nodiscard]] QString lineText(int line, int fromColumn, int toColumn) const;

    VTerm *terminal_ = nullptr;
    VTermScreen *screen_ = nullptr;
    VTermState *state_ = nullptr;
    std::unique_ptr<Scrollback> scrollback_;
    QByteArray pendingOutput_;
    int rows_ = 24;
    int columns_ = 80;
    QString title_;
    QFont font_;
    QFont boldFont_;
    QFont italicFont_;
    QFont boldItalicFont_;
    qreal cellWidth_ = 8;
    qreal cellHeight_ = 16;
    qreal ascent_ = 12;
    QColor foreground_{0xd4, 0xd4, 0xd4};
    QColor background_{0x1e, 0x1e, 0x1e};
    QColor selection_{0x26, 0x4f, 0x78};
    int scrollbackLimit_ = 5000;
    int scrollOffset_ = 0;
    bool alternateScreen_ = false;
    bool screenReversed_ = false;
    bool cursorVisible_ = true;
    int cursorShape_ = 1;
    int cursorRow_ = 0;
    int cursorColumn_ = 0;
    int mouseMode_ = 0;
    bool selecting_ = false;
    bool selectionActive_ = false;
    TextPosition selectionAnchor_;
    TextPosition selectionEnd_;
};

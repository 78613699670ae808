// The terminal tab's emulator: TerminalView fed real escape sequences (text, cursor motion,
// erasing, colours, alternate screen, scroll region, wide characters, title, replies), keys
// typed into its window turned into the exact bytes programs expect, selection and paste,
// what it draws checked pixel by pixel; then PtyChannel with a real busybox shell on a pty.
#include "pty_channel.h"
#include "terminal_view.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QImage>
#include <QQmlComponent>
#include <QQmlEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QtQml/QQmlExtensionPlugin>

#include <cerrno>
#include <memory>
#include <cstring>

#include <pty.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(BerthPlugin)

namespace {

QByteArray joined(const QSignalSpy &spy)
{
    QByteArray bytes;
    for (const QList<QVariant> &arguments : spy)
        bytes += arguments.at(0).toByteArray();
    return bytes;
}

/// A shown window holding one focused TerminalView filling it.
struct TerminalWindow {
    QQuickWindow window;
    TerminalView *view = nullptr;

    explicit TerminalWindow(int rows = 24, int columns = 80)
    {
        view = new TerminalView(window.contentItem());
        view->setSize(QSizeF(columns * view->cellWidth(), rows * view->cellHeight()));
        window.resize(int(view->width()) + 20, int(view->height()) + 20);
        window.show();
        window.requestActivate();
        view->forceActiveFocus();
    }

    [[nodiscard]] bool ready()
    {
        return QTest::qWaitForWindowExposed(&window) && QTest::qWaitForWindowActive(&window) && view->hasActiveFocus();
    }

    [[nodiscard]] QPoint cellCentre(int row, int column) const
    {
        return QPoint(int((column + 0.5) * view->cellWidth()), int((row + 0.5) * view->cellHeight()));
    }
};

/// Types ASCII text into the window key by key (Qt 6.4's keyClicks takes only widgets).
void typeText(QWindow *window, const QString &text)
{
    for (const QChar character : text)
        QTest::keyClick(window, character.toLatin1());
}

bool anyRowReads(const TerminalView &view, const QString &text)
{
    for (int row = 0; row < view.rows(); ++row)
        if (view.rowText(row) == text)
            return true;
    return false;
}

QString screenText(const TerminalView &view)
{
    QStringList rows;
    for (int row = 0; row < view.rows(); ++row)
        rows << view.rowText(row);
    return rows.join(QLatin1Char('\n'));
}

} // namespace

class TestTerminalView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        TerminalView view;
        QVERIFY2(view.cellWidth() >= 4 && view.cellHeight() >= 8,
                 qPrintable(QStringLiteral("cell %1×%2").arg(view.cellWidth()).arg(view.cellHeight())));
    }

    void madeFromQml()
    {
        // The container page declares both in QML and joins them by the view property.
        QQmlEngine engine;
        QQmlComponent component(&engine);
        component.setData("import QtQuick\nimport Berth\n"
                          "Item { property alias channel: channel; property alias terminal: terminal\n"
                          "  TerminalView { id: terminal; width: 400; height: 200 }\n"
                          "  PtyChannel { id: channel; view: terminal } }",
                          QUrl());
        std::unique_ptr<QObject> root(component.create());
        QVERIFY2(root, qPrintable(component.errorString()));
        auto *terminal = root->property("terminal").value<TerminalView *>();
        auto *channel = root->property("channel").value<PtyChannel *>();
        QVERIFY(terminal && channel);
        QCOMPARE(channel->view(), terminal);
        QCOMPARE(terminal->columns(), int(400 / terminal->cellWidth()));
        QCOMPARE(terminal->rows(), int(200 / terminal->cellHeight()));
    }

    void textAndLineEnds()
    {
        TerminalView view;
        view.feed("hello\r\nworld");
        QCOMPARE(view.rowText(0), QStringLiteral("hello"));
        QCOMPARE(view.rowText(1), QStringLiteral("world"));
        QCOMPARE(view.cursorRow(), 1);
        QCOMPARE(view.cursorColumn(), 5);
        // A carriage return goes back to the start of the row; a line feed alone keeps the column.
        view.feed("\rW\nx");
        QCOMPARE(view.rowText(1), QStringLiteral("World"));
        QCOMPARE(view.rowText(2), QStringLiteral(" x"));
        // Text arriving in pieces, even inside one UTF-8 character, still makes one character.
        view.feed("\r\n\xc3");
        view.feed("\xa9t\xc3\xa9");
        QCOMPARE(view.rowText(3), QStringLiteral("été"));
    }

    void wrapsAtTheLastColumn()
    {
        TerminalView view;
        view.resizeTerminal(5, 10);
        view.feed("0123456789abcde");
        QCOMPARE(view.rowText(0), QStringLiteral("0123456789"));
        QCOMPARE(view.rowText(1), QStringLiteral("abcde"));
        QCOMPARE(view.cursorRow(), 1);
        QCOMPARE(view.cursorColumn(), 5);
    }

    void cursorMovement()
    {
        TerminalView view;
        view.feed("\x1b[3;5HX");
        QCOMPARE(view.cell(2, 4).value(QStringLiteral("text")).toString(), QStringLiteral("X"));
        QCOMPARE(view.cursorRow(), 2);
        QCOMPARE(view.cursorColumn(), 5);
        view.feed("\x1b[2AU"); // CUU
        QCOMPARE(view.cell(0, 5).value(QStringLiteral("text")).toString(), QStringLiteral("U"));
        view.feed("\x1b[3BD"); // CUD
        QCOMPARE(view.cell(3, 6).value(QStringLiteral("text")).toString(), QStringLiteral("D"));
        view.feed("\x1b[4CF"); // CUF
        QCOMPARE(view.cell(3, 11).value(QStringLiteral("text")).toString(), QStringLiteral("F"));
        view.feed("\x1b[10DB"); // CUB
        QCOMPARE(view.cell(3, 2).value(QStringLiteral("text")).toString(), QStringLiteral("B"));
        view.feed("\x1b[HH"); // CUP without arguments: the top left corner
        QCOMPARE(view.rowText(0), QStringLiteral("H    U"));
        // Moving up past the top stops at the top.
        view.feed("\x1b[5;1H\x1b[99AT");
        QCOMPARE(view.rowText(0), QStringLiteral("T    U"));
    }

    void erase()
    {
        TerminalView view;
        view.resizeTerminal(4, 10);
        view.feed("aaaaaaaaaa\r\nbbbbbbbbbb\r\ncccccccccc\r\ndddddddddd");
        view.feed("\x1b[2;4H\x1b[K"); // EL 0: from the cursor to the end of the row
        QCOMPARE(view.rowText(1), QStringLiteral("bbb"));
        view.feed("\x1b[3;4H\x1b[1K"); // EL 1: from the start of the row to the cursor
        QCOMPARE(view.rowText(2), QStringLiteral("    cccccc"));
        view.feed("\x1b[1;6H\x1b[2K"); // EL 2: the whole row
        QCOMPARE(view.rowText(0), QString());
        view.feed("\x1b[3;8H\x1b[J"); // ED 0: from the cursor to the end of the screen
        QCOMPARE(view.rowText(2), QStringLiteral("    ccc"));
        QCOMPARE(view.rowText(3), QString());
        QCOMPARE(view.rowText(1), QStringLiteral("bbb"));
        view.feed("\x1b[2J"); // ED 2: everything
        QCOMPARE(screenText(view), QStringLiteral("\n\n\n"));
    }

    void sgrColours()
    {
        TerminalView view;
        view.feed("\x1b[31mr\x1b[92mg\x1b[44mb\x1b[0m\x1b[38;5;67mi\x1b[48;5;244mj\x1b[0m"
                  "\x1b[38;2;1;2;3;48;2;250;128;7mt\x1b[0mn");
        auto foreground = [&](int column) { return view.cell(0, column).value(QStringLiteral("foreground")).value<QColor>(); };
        auto background = [&](int column) { return view.cell(0, column).value(QStringLiteral("background")).value<QColor>(); };
        QCOMPARE(foreground(0), QColor(0xcd, 0x00, 0x00));          // red of the 16
        QCOMPARE(foreground(1), QColor(0x00, 0xff, 0x00));          // bright green
        QCOMPARE(background(2), QColor(0x00, 0x00, 0xee));          // blue background
        QCOMPARE(foreground(3), QColor(95, 135, 175));              // 256: cube (1,2,3)
        QCOMPARE(background(4), QColor(128, 128, 128));             // 256: grey 12
        QCOMPARE(foreground(5), QColor(1, 2, 3));                   // truecolour
        QCOMPARE(background(5), QColor(250, 128, 7));
        QCOMPARE(foreground(6), view.foregroundColor());            // SGR 0 resets
        QVERIFY(view.cell(0, 6).value(QStringLiteral("defaultForeground")).toBool());
        QVERIFY(view.cell(0, 6).value(QStringLiteral("defaultBackground")).toBool());
        QVERIFY(!view.cell(0, 0).value(QStringLiteral("defaultForeground")).toBool());
    }

    void reverseBoldUnderline()
    {
        TerminalView view;
        view.feed("\x1b[1;7mR\x1b[22;27;4mU\x1b[24;3mI\x1b[0m\x1b[7;32;45mC");
        const QVariantMap reversed = view.cell(0, 0);
        QVERIFY(reversed.value(QStringLiteral("bold")).toBool());
        QVERIFY(reversed.value(QStringLiteral("reverse")).toBool());
        QCOMPARE(view.drawnForeground(0, 0), view.backgroundColor());
        QCOMPARE(view.drawnBackground(0, 0), view.foregroundColor());
        const QVariantMap underlined = view.cell(0, 1);
        QVERIFY(!underlined.value(QStringLiteral("bold")).toBool());
        QVERIFY(!underlined.value(QStringLiteral("reverse")).toBool());
        QCOMPARE(underlined.value(QStringLiteral("underline")).toInt(), 1);
        QVERIFY(view.cell(0, 2).value(QStringLiteral("italic")).toBool());
        QCOMPARE(view.cell(0, 2).value(QStringLiteral("underline")).toInt(), 0);
        QCOMPARE(view.drawnForeground(0, 3), QColor(0xcd, 0x00, 0xcd));
        QCOMPARE(view.drawnBackground(0, 3), QColor(0x00, 0xcd, 0x00));
    }

    void alternateScreen()
    {
        TerminalView view;
        view.resizeTerminal(5, 20);
        view.feed("main one\r\nmain two\x1b[2;3H");
        QSignalSpy switched(&view, &TerminalView::alternateScreenChanged);
        view.feed("\x1b[?1049h");
        QVERIFY(view.alternateScreen());
        QCOMPARE(screenText(view), QStringLiteral("\n\n\n\n"));
        view.feed("\x1b[Halt\r\n\n\n\n\n\n\nscrolled");
        // Scrolling on the alternate screen keeps nothing.
        QCOMPARE(view.scrollbackLines(), 0);
        view.feed("\x1b[?1049l");
        QVERIFY(!view.alternateScreen());
        QCOMPARE(switched.count(), 2);
        QCOMPARE(screenText(view), QStringLiteral("main one\nmain two\n\n\n"));
        // The cursor is back where it was.
        QCOMPARE(view.cursorRow(), 1);
        QCOMPARE(view.cursorColumn(), 2);
    }

    void scrollRegion()
    {
        TerminalView view;
        view.resizeTerminal(6, 10);
        view.feed("L0\r\nL1\r\nL2\r\nL3\r\nL4\r\nL5");
        view.feed("\x1b[2;4r");   // rows 2 to 4 scroll
        view.feed("\x1b[4;1H\n"); // a line feed on the region's last row
        QCOMPARE(screenText(view), QStringLiteral("L0\nL2\nL3\n\nL4\nL5"));
        view.feed("\x1b[2;1H\x1bM"); // reverse index on the region's first row scrolls down
        QCOMPARE(screenText(view), QStringLiteral("L0\n\nL2\nL3\nL4\nL5"));
        QCOMPARE(view.scrollbackLines(), 0);
    }

    void scrollback()
    {
        TerminalWindow terminal(5, 20);
        TerminalView &view = *terminal.view;
        QVERIFY(terminal.ready());
        QCOMPARE(view.rows(), 5);
        for (int line = 0; line < 20; ++line)
            view.feed(QByteArray("line ") + QByteArray::number(line) + (line < 19 ? "\r\n" : ""));
        QCOMPARE(view.scrollbackLines(), 15);
        QCOMPARE(view.scrollbackText(0), QStringLiteral("line 14"));
        QCOMPARE(view.scrollbackText(14), QStringLiteral("line 0"));
        QCOMPARE(view.rowText(0), QStringLiteral("line 15"));
        // The wheel scrolls back three lines a notch; typing returns to the live screen.
        QWheelEvent up(terminal.cellCentre(2, 2), terminal.window.mapToGlobal(terminal.cellCentre(2, 2)), QPoint(),
                       QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(terminal.view, &up);
        QCOMPARE(view.scrollOffset(), 6);
        QTest::keyClick(&terminal.window, Qt::Key_A);
        QCOMPARE(view.scrollOffset(), 0);
        view.setScrollbackLimit(4);
        QCOMPARE(view.scrollbackLines(), 4);
        QCOMPARE(view.scrollbackText(3), QStringLiteral("line 11"));
        view.feed("\r\nmore");
        QCOMPARE(view.scrollbackLines(), 4);
        QCOMPARE(view.scrollbackText(0), QStringLiteral("line 15"));
    }

    void wideCharacters()
    {
        TerminalView view;
        view.resizeTerminal(3, 10);
        view.feed("\xe4\xb8\xad\xe6\x96\x87x"); // 中文x
        QCOMPARE(view.cell(0, 0).value(QStringLiteral("text")).toString(), QStringLiteral("中"));
        QCOMPARE(view.cell(0, 0).value(QStringLiteral("width")).toInt(), 2);
        QCOMPARE(view.cell(0, 1).value(QStringLiteral("width")).toInt(), 0);
        QCOMPARE(view.cell(0, 2).value(QStringLiteral("text")).toString(), QStringLiteral("文"));
        QCOMPARE(view.cell(0, 4).value(QStringLiteral("text")).toString(), QStringLiteral("x"));
        QCOMPARE(view.cursorColumn(), 5);
        QCOMPARE(view.rowText(0), QStringLiteral("中文x"));
        // A wide character that does not fit in the last column goes to the next row.
        view.feed("\r\n123456789\xe5\xad\x97");
        QCOMPARE(view.rowText(1), QStringLiteral("123456789"));
        QCOMPARE(view.rowText(2), QStringLiteral("字"));
    }

    void title()
    {
        TerminalView view;
        QSignalSpy changed(&view, &TerminalView::titleChanged);
        view.feed("\x1b]0;first title\x07");
        QCOMPARE(view.title(), QStringLiteral("first title"));
        view.feed("\x1b]2;容器 sh\x1b\\");
        QCOMPARE(view.title(), QStringLiteral("容器 sh"));
        QCOMPARE(changed.count(), 2);
    }

    void repliesToTheProgram()
    {
        TerminalView view;
        QSignalSpy replies(&view, &TerminalView::programInput);
        view.feed("\x1b[5;7H\x1b[6n");
        QCOMPARE(joined(replies), QByteArray("\x1b[5;7R"));
        replies.clear();
        view.feed("\x1b[5n"); // device status: OK
        QCOMPARE(joined(replies), QByteArray("\x1b[0n"));
        replies.clear();
        view.feed("\x07"); // the bell: nothing happens, nothing breaks
        QCOMPARE(replies.count(), 0);
        QCOMPARE(view.rowText(4), QString());
    }

    void keys_data()
    {
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("applicationCursor");
        QTest::addColumn<QByteArray>("expected");
        const int none = Qt::NoModifier;
        QTest::newRow("letter") << int(Qt::Key_A) << none << "a" << false << QByteArray("a");
        QTest::newRow("shift letter") << int(Qt::Key_A) << int(Qt::ShiftModifier) << "A" << false << QByteArray("A");
        QTest::newRow("shift space") << int(Qt::Key_Space) << int(Qt::ShiftModifier) << " " << false << QByteArray(" ");
        QTest::newRow("non-ascii") << int(Qt::Key_Eacute) << none << "é" << false << QByteArray("\xc3\xa9");
        QTest::newRow("enter") << int(Qt::Key_Return) << none << "\r" << false << QByteArray("\r");
        QTest::newRow("keypad enter") << int(Qt::Key_Enter) << int(Qt::KeypadModifier) << "\r" << false << QByteArray("\r");
        QTest::newRow("backspace") << int(Qt::Key_Backspace) << none << "\b" << false << QByteArray("\x7f");
        QTest::newRow("tab") << int(Qt::Key_Tab) << none << "\t" << false << QByteArray("\t");
        QTest::newRow("back-tab") << int(Qt::Key_Backtab) << int(Qt::ShiftModifier) << "" << false << QByteArray("\x1b[Z");
        QTest::newRow("escape") << int(Qt::Key_Escape) << none << "\x1b" << false << QByteArray("\x1b");
        QTest::newRow("up") << int(Qt::Key_Up) << none << "" << false << QByteArray("\x1b[A");
        QTest::newRow("down") << int(Qt::Key_Down) << none << "" << false << QByteArray("\x1b[B");
        QTest::newRow("right") << int(Qt::Key_Right) << none << "" << false << QByteArray("\x1b[C");
        QTest::newRow("left") << int(Qt::Key_Left) << none << "" << false << QByteArray("\x1b[D");
        QTest::newRow("up, application") << int(Qt::Key_Up) << none << "" << true << QByteArray("\x1bOA");
        QTest::newRow("left, application") << int(Qt::Key_Left) << none << "" << true << QByteArray("\x1bOD");
        QTest::newRow("ctrl up") << int(Qt::Key_Up) << int(Qt::ControlModifier) << "" << false << QByteArray("\x1b[1;5A");
        QTest::newRow("home") << int(Qt::Key_Home) << none << "" << false << QByteArray("\x1b[H");
        QTest::newRow("end") << int(Qt::Key_End) << none << "" << false << QByteArray("\x1b[F");
        QTest::newRow("home, application") << int(Qt::Key_Home) << none << "" << true << QByteArray("\x1bOH");
        QTest::newRow("page up") << int(Qt::Key_PageUp) << none << "" << false << QByteArray("\x1b[5~");
        QTest::newRow("page down") << int(Qt::Key_PageDown) << none << "" << false << QByteArray("\x1b[6~");
        QTest::newRow("delete") << int(Qt::Key_Delete) << none << "" << false << QByteArray("\x1b[3~");
        QTest::newRow("F1") << int(Qt::Key_F1) << none << "" << false << QByteArray("\x1bOP");
        QTest::newRow("F4") << int(Qt::Key_F4) << none << "" << false << QByteArray("\x1bOS");
        QTest::newRow("F5") << int(Qt::Key_F5) << none << "" << false << QByteArray("\x1b[15~");
        QTest::newRow("F12") << int(Qt::Key_F12) << none << "" << false << QByteArray("\x1b[24~");
        QTest::newRow("ctrl c") << int(Qt::Key_C) << int(Qt::ControlModifier) << "\x03" << false << QByteArray("\x03");
        QTest::newRow("ctrl d") << int(Qt::Key_D) << int(Qt::ControlModifier) << "\x04" << false << QByteArray("\x04");
        QTest::newRow("ctrl i") << int(Qt::Key_I) << int(Qt::ControlModifier) << "\t" << false << QByteArray("\t");
        QTest::newRow("ctrl [") << int(Qt::Key_BracketLeft) << int(Qt::ControlModifier) << "\x1b" << false << QByteArray("\x1b");
        QTest::newRow("ctrl space") << int(Qt::Key_Space) << int(Qt::ControlModifier) << "" << false << QByteArray("\0", 1);
        QTest::newRow("alt x") << int(Qt::Key_X) << int(Qt::AltModifier) << "x" << false << QByteArray("\x1bx");
        QTest::newRow("ctrl alt c") << int(Qt::Key_C) << int(Qt::ControlModifier | Qt::AltModifier) << "" << false
                                    << QByteArray("\x1b\x03");
        QTest::newRow("alt enter") << int(Qt::Key_Return) << int(Qt::AltModifier) << "\r" << false << QByteArray("\x1b\r");
    }

    void keys()
    {
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QString, text);
        QFETCH(bool, applicationCursor);
        QFETCH(QByteArray, expected);
        TerminalWindow terminal;
        QVERIFY(terminal.ready());
        if (applicationCursor)
            terminal.view->feed("\x1b[?1h");
        QSignalSpy sent(terminal.view, &TerminalView::programInput);
        // Sent to the window, as the platform does: the focused item gets it.
        QKeyEvent press(QEvent::KeyPress, key, Qt::KeyboardModifiers(modifiers), text);
        QGuiApplication::sendEvent(&terminal.window, &press);
        QVERIFY(press.isAccepted());
        QCOMPARE(joined(sent).toHex(' '), expected.toHex(' '));
    }

    void typedTextThroughQTest()
    {
        TerminalWindow terminal;
        QVERIFY(terminal.ready());
        QSignalSpy sent(terminal.view, &TerminalView::programInput);
        typeText(&terminal.window, QStringLiteral("echo $((6*7))"));
        QTest::keyClick(&terminal.window, Qt::Key_Return);
        QCOMPARE(joined(sent), QByteArray("echo $((6*7))\r"));
    }

    void pasting()
    {
        TerminalWindow terminal;
        QVERIFY(terminal.ready());
        QSignalSpy sent(terminal.view, &TerminalView::programInput);
        QGuiApplication::clipboard()->setText(QStringLiteral("ls -l\nexit\n"));
        QTest::keyClick(&terminal.window, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(joined(sent), QByteArray("ls -l\rexit\r"));
        sent.clear();
        // Once the program asked for bracketed paste, the text comes marked, and a mark inside
        // it cannot end the paste early.
        terminal.view->feed("\x1b[?2004h");
        QGuiApplication::clipboard()->setText(QStringLiteral("a\x1b[201~b"));
        QTest::keyClick(&terminal.window, Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(joined(sent), QByteArray("\x1b[200~ab\x1b[201~"));
        sent.clear();
        terminal.view->feed("\x1b[?2004l");
        terminal.view->sendPaste(QStringLiteral("plain"));
        QCOMPARE(joined(sent), QByteArray("plain"));
    }

    void resizeFollowsTheItem()
    {
        TerminalWindow terminal(24, 80);
        TerminalView &view = *terminal.view;
        QVERIFY(terminal.ready());
        QCOMPARE(view.rows(), 24);
        QCOMPARE(view.columns(), 80);
        view.feed("kept");
        QSignalSpy resized(&view, &TerminalView::terminalSizeChanged);
        view.setSize(QSizeF(40 * view.cellWidth() + view.cellWidth() / 2, 10 * view.cellHeight() + 1));
        QCOMPARE(resized.count(), 1);
        QCOMPARE(resized.at(0).at(0).toInt(), 10);
        QCOMPARE(resized.at(0).at(1).toInt(), 40);
        QCOMPARE(view.rows(), 10);
        QCOMPARE(view.columns(), 40);
        QCOMPARE(view.rowText(0), QStringLiteral("kept"));
        // The same cell count from a slightly different size is no change.
        view.setWidth(40 * view.cellWidth() + 1);
        QCOMPARE(resized.count(), 1);
        // Text past the new width is cut; new text wraps at the new width.
        view.feed("\r\n" + QByteArray(45, 'w'));
        QCOMPARE(view.rowText(1), QString(40, QLatin1Char('w')));
        QCOMPARE(view.rowText(2), QStringLiteral("wwwww"));
        // A bigger font makes fewer cells in the same space.
        QFont bigger = view.font();
        bigger.setPointSizeF(bigger.pointSizeF() * 2);
        view.setFont(bigger);
        QCOMPARE(resized.count(), 2);
        QVERIFY(view.columns() < 40);
        QCOMPARE(view.columns(), int(view.width() / view.cellWidth()));
    }

    void selectionCopiesText()
    {
        TerminalWindow terminal;
        TerminalView &view = *terminal.view;
        QVERIFY(terminal.ready());
        view.feed("hello world\r\nsecond line\r\n\xe4\xb8\xad\xe6\x96\x87 wide");
        QGuiApplication::clipboard()->clear();
        QTest::mousePress(&terminal.window, Qt::LeftButton, Qt::NoModifier, terminal.cellCentre(0, 6));
        QTest::mouseMove(&terminal.window, terminal.cellCentre(1, 3));
        QTest::mouseMove(&terminal.window, terminal.cellCentre(1, 5));
        QTest::mouseRelease(&terminal.window, Qt::LeftButton, Qt::NoModifier, terminal.cellCentre(1, 5));
        QVERIFY(view.hasSelection());
        QCOMPARE(view.selectedText(), QStringLiteral("world\nsecond"));
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("world\nsecond"));
        // Backwards, and starting on the right half of a wide character.
        QTest::mousePress(&terminal.window, Qt::LeftButton, Qt::NoModifier, terminal.cellCentre(2, 7));
        QTest::mouseMove(&terminal.window, terminal.cellCentre(2, 3));
        QTest::mouseRelease(&terminal.window, Qt::LeftButton, Qt::NoModifier, terminal.cellCentre(2, 3));
        QCOMPARE(view.selectedText(), QStringLiteral("文 wid"));
        // A click without a drag clears the selection; a double click takes a word.
        QTest::mouseClick(&terminal.window, Qt::LeftButton, Qt::NoModifier, terminal.cellCentre(0, 0));
        QVERIFY(!view.hasSelection());
        QTest::mouseDClick(&terminal.window, Qt::LeftButton, Qt::NoModifier, terminal.cellCentre(1, 8));
        QCOMPARE(view.selectedText(), QStringLiteral("line"));
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(&terminal.window, Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("line"));
        // Selected cells are drawn in the selection colour.
        const QImage image = terminal.window.grabWindow();
        QCOMPARE(image.pixelColor(terminal.cellCentre(1, 9)), view.selectionColor());
        QCOMPARE(image.pixelColor(terminal.cellCentre(1, 13)), view.backgroundColor());
    }

    void drawsColouredCells()
    {
        TerminalWindow terminal(6, 30);
        TerminalView &view = *terminal.view;
        QVERIFY(terminal.ready());
        view.feed("\x1b[2;1H\x1b[48;2;10;200;30m   \x1b[0m \x1b[41m   \x1b[0m \x1b[7m   \x1b[0m \x1b[48;5;33m  \x1b[0m");
        view.feed("\x1b[4;1H\xe4\xb8\xad|");
        view.feed("\x1b[6;1H");
        const QImage image = terminal.window.grabWindow();
        QVERIFY(!image.isNull());
        QCOMPARE(image.pixelColor(terminal.cellCentre(1, 1)), QColor(10, 200, 30));
        QCOMPARE(image.pixelColor(terminal.cellCentre(1, 5)), QColor(0xcd, 0x00, 0x00));
        QCOMPARE(image.pixelColor(terminal.cellCentre(1, 9)), view.foregroundColor());
        QCOMPARE(image.pixelColor(terminal.cellCentre(1, 12)), QColor(0x00, 0x87, 0xff));
        QCOMPARE(image.pixelColor(terminal.cellCentre(1, 3)), view.backgroundColor());
        // The focused cursor is a block in the text colour.
        QCOMPARE(image.pixelColor(terminal.cellCentre(5, 0)), view.foregroundColor());

        // The wide character is drawn across both its cells, and what follows starts after them.
        auto inkIn = [&](int row, int column) {
            int count = 0;
            const int left = int(column * view.cellWidth());
            const int top = int(row * view.cellHeight());
            for (int y = top; y < top + int(view.cellHeight()); ++y)
                for (int x = left; x < left + int(view.cellWidth()); ++x)
                    count += image.pixelColor(x, y) != view.backgroundColor();
            return count;
        };
        QVERIFY2(inkIn(3, 0) > 3, "no ink in the left half of 中");
        QVERIFY2(inkIn(3, 1) > 3, "no ink in the right half of 中");
        QVERIFY2(inkIn(3, 2) > 0, "the | after 中 is not in the third cell");
        QCOMPARE(inkIn(3, 3), 0);
    }

    void realShellOnPty()
    {
        if (::access("/bin/busybox", X_OK) != 0)
            QSKIP("needs /bin/busybox (busybox-static) to run a shell on the pty");
        TerminalWindow terminal(24, 80);
        TerminalView &view = *terminal.view;
        QVERIFY(terminal.ready());

        // Everything the child needs is made before fork: after it, only exec.
        const char *const arguments[] = {"sh", nullptr};
        const char *const environment[] = {"TERM=xterm-256color", "PS1=$ ", "HOME=/", "PATH=/bin:/usr/bin", nullptr};
        winsize size{};
        size.ws_row = 24;
        size.ws_col = 80;
        int master = -1;
        const pid_t child = ::forkpty(&master, nullptr, nullptr, &size);
        QVERIFY2(child >= 0, strerror(errno));
        if (child == 0) {
            ::execve("/bin/busybox", const_cast<char *const *>(arguments), const_cast<char *const *>(environment));
            ::_exit(127);
        }
        auto reap = qScopeGuard([child] {
            int status = 0;
            if (::waitpid(child, &status, WNOHANG) == 0) {
                ::kill(child, SIGKILL);
                ::waitpid(child, &status, 0);
            }
        });

        PtyChannel channel;
        channel.setView(&view);
        QSignalSpy closed(&channel, &PtyChannel::closed);
        QSignalSpy sizes(&channel, &PtyChannel::windowSizeChanged);
        QVERIFY2(channel.attach(master), qPrintable(channel.errorString()));
        // The channel holds its own duplicate.
        ::close(master);
        QVERIFY(channel.isOpen());
        // busybox prints its banner, then the prompt, then asks where the cursor is (ESC [6n).
        QTRY_VERIFY2_WITH_TIMEOUT(view.rowText(view.cursorRow()) == QLatin1String("$"), qPrintable(screenText(view)),
                                  10000);
        QVERIFY(anyRowReads(view, QStringLiteral("Enter 'help' for a list of built-in commands.")));

        typeText(&terminal.window, QStringLiteral("echo berth-$((6*7))"));
        QTest::keyClick(&terminal.window, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(anyRowReads(view, QStringLiteral("berth-42")), qPrintable(screenText(view)), 10000);

        view.setSize(QSizeF(50 * view.cellWidth(), 12 * view.cellHeight()));
        QCOMPARE(view.rows(), 12);
        QCOMPARE(view.columns(), 50);
        QVERIFY(!sizes.isEmpty());
        QCOMPARE(sizes.last().at(0).toInt(), 12);
        QCOMPARE(sizes.last().at(1).toInt(), 50);
        typeText(&terminal.window, QStringLiteral("stty size"));
        QTest::keyClick(&terminal.window, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(anyRowReads(view, QStringLiteral("12 50")), qPrintable(screenText(view)), 10000);

        // Ctrl+C reaches the shell as an interrupt: the half-typed line is dropped.
        typeText(&terminal.window, QStringLiteral("echo never-run"));
        QTest::keyClick(&terminal.window, Qt::Key_C, Qt::ControlModifier);
        typeText(&terminal.window, QStringLiteral("echo after-interrupt"));
        QTest::keyClick(&terminal.window, Qt::Key_Return);
        QTRY_VERIFY2_WITH_TIMEOUT(anyRowReads(view, QStringLiteral("after-interrupt")), qPrintable(screenText(view)),
                                  10000);
        QVERIFY(!anyRowReads(view, QStringLiteral("never-run")));

        typeText(&terminal.window, QStringLiteral("exit"));
        QTest::keyClick(&terminal.window, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 10000);
        QVERIFY(!channel.isOpen());
        QVERIFY2(channel.errorString().isEmpty(), qPrintable(channel.errorString()));
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        // Keys after the end go nowhere and break nothing.
        QTest::keyClick(&terminal.window, Qt::Key_A);
    }

    void channelWritesWhatThePeerCannotTakeYet()
    {
        // A socket pair with small buffers stands in for a peer that reads slowly.
        int pair[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair), 0);
        const int small = 4096;
        ::setsockopt(pair[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
        ::setsockopt(pair[1], SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        TerminalView view;
        PtyChannel channel;
        channel.setView(&view);
        QSignalSpy sizes(&channel, &PtyChannel::windowSizeChanged);
        QVERIFY(channel.attach(pair[0]));
        ::close(pair[0]);
        // Not a tty: the size is only announced, for the peer to be told some other way.
        QCOMPARE(sizes.count(), 1);
        QCOMPARE(sizes.at(0).at(0).toInt(), view.rows());
        QByteArray big(1 << 20, 'x');
        for (int i = 0; i < big.size(); i += 997)
            big[i] = char('a' + i % 26);
        view.sendPaste(QString::fromLatin1(big));
        QVERIFY(channel.pendingBytes() > 0);
        QByteArray received;
        char buffer[65536];
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const ssize_t count = ::recv(pair[1], buffer, sizeof buffer, MSG_DONTWAIT);
                if (count > 0)
                    received.append(buffer, count);
                return received.size() >= big.size();
            }(),
            20000);
        QCOMPARE(received, big);
        QCOMPARE(channel.pendingBytes(), 0);

        // Output from the peer reaches the view; the peer closing is the end.
        QSignalSpy closed(&channel, &PtyChannel::closed);
        QCOMPARE(::write(pair[1], "from peer", 9), 9);
        QTRY_COMPARE(view.rowText(0), QStringLiteral("from peer"));
        ::close(pair[1]);
        QTRY_COMPARE(closed.count(), 1);
        QVERIFY(!channel.isOpen());
    }

    void channelRefusesABadDescriptor()
    {
        PtyChannel channel;
        QVERIFY(!channel.attach(-1));
        QVERIFY(channel.errorString().contains(QLatin1String("`-1`")));
        const int closedFd = ::dup(0);
        ::close(closedFd);
        QVERIFY(!channel.attach(closedFd));
        QVERIFY(channel.errorString().contains(QStringLiteral("`%1`").arg(closedFd)));
        QVERIFY(!channel.isOpen());
    }
};

QTEST_MAIN(TestTerminalView)
#include "tst_terminal_view.moc"

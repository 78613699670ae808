// Which terminal key, modifiers or control character a Qt key press stands for, as libvterm
// and the programs behind it expect them.
#pragma once

#include <Qt>

#include <vterm_keycodes.h>

namespace berth::terminal {

/// Shift, Alt and Ctrl as libvterm names them (other modifiers are dropped).
[[nodiscard]] VTermModifier modifiersOf(Qt::KeyboardModifiers modifiers);
/// The libvterm key for a Qt key that is no character (Enter, arrows, F1–F12...), or
/// VTERM_KEY_NONE.
[[nodiscard]] VTermKey vtermKeyOf(int key);
/// The control character Ctrl+key types, as classic terminals send it (Ctrl+A is 0x01,
/// Ctrl+[ is Esc, Ctrl+Space is NUL), or -1 when Ctrl+key makes none.
[[nodiscard]] int controlCharacterOf(int key);

} // namespace berth::terminal

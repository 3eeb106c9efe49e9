/**
 * The app's keyboard shortcuts, in one table for the "Keyboard shortcuts" help and one matcher for the pages
 * that act on them. Letters are matched by physical key (`KeyN`), so Alt+N works where Alt turns N into
 * another character (macOS Option).
 */
export type ShortcutAction = 'new_order' | 'add_item' | 'help'

export interface KeyPress {
  key: string
  code: string
  altKey: boolean
  ctrlKey: boolean
  metaKey: boolean
  /** The person is typing in a text field: a plain `?` is a character there, not a command. */
  typing: boolean
}

export function shortcutOf(press: KeyPress): ShortcutAction | null {
  const modifiers = press.ctrlKey || press.metaKey
  if (press.altKey && !modifiers && press.code === 'KeyN') return 'new_order'
  if (press.altKey && !modifiers && press.code === 'KeyI') return 'add_item'
  if (press.key === 'F1' && !press.altKey && !modifiers) return 'help'
  if (press.key === '?' && !press.altKey && !modifiers && !press.typing) return 'help'
  return null
}

/** Whether keys pressed in `element` are typed text (inputs that take characters, text areas, editables). */
function isTextEntry(element: Element | null): boolean {
  if (!(element instanceof HTMLElement)) return false
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return true
  if (element.tagName !== 'INPUT') return false
  const type = (element as HTMLInputElement).type
  return !['button', 'submit', 'reset', 'checkbox', 'radio', 'image', 'file', 'range', 'color'].includes(type)
}

/** The help's rows; `send` is the platform's own spelling of the send shortcut (Ctrl+Enter or Cmd+Enter). */
/** The shortcut a key press on the page asks for, given where the keyboard focus is. */
export function shortcutOfEvent(event: KeyboardEvent): ShortcutAction | null {
  const { key, code, altKey, ctrlKey, metaKey } = event
  return shortcutOf({ key, code, altKey, ctrlKey, metaKey, typing: isTextEntry(document.activeElement) })
}

export function shortcutRows(send: string): { keys: string; action: string }[] {
  return [
    { keys: 'Alt+N', action: 'New order (asks first when the form holds unsent work)' },
    { keys: 'Alt+I', action: 'Add an item to the order' },
    { keys: send, action: 'Send the order from any field (Enter alone never sends)' },
    { keys: 'Alt+↓', action: 'In a date or time field: open the date or time picker' },
    { keys: 'F1 or ?', action: 'Show this help (? only outside text fields)' },
    { keys: 'Esc', action: 'Close a dialog' }
  ]
}

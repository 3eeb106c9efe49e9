/** Whether the "Keyboard shortcuts" help is open: F1 or `?` anywhere, or the workbench's button, opens it. */
class ShortcutsHelp {
  open = $state(false)

  show(): void {
    this.open = true
  }

  hide(): void {
    this.open = false
  }
}

export const shortcutsHelp = new ShortcutsHelp()

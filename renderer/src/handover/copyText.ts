// Copies text to the clipboard for pasting into another system. The page may write to the
// clipboard (Electron and the Chromium host allow that one permission), but a write can still be
// refused, e.g. while the window is not focused: then the text's own field is selected and copied
// the older way, and when that fails too the text stays selected for Ctrl+C.

/** Whether the text is now on the clipboard. */
export async function copyText(text: string, field: HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    if (!field) return false
    field.focus()
    field.select()
    try {
      return document.execCommand('copy')
    } catch {
      return false
    }
  }
}

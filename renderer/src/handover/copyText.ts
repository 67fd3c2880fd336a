// Copies text to the clipboard for pasting into another system. The asynchronous clipboard can
// be refused (Electron's permission check says no to everything), so the text's own field is
// selected and copied the older way; when that fails too, the text stays selected for Ctrl+C.

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

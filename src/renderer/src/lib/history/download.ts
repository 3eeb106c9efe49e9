const MEDIA_TYPES: Readonly<Record<string, string>> = {
  csv: 'text/csv;charset=utf-8',
  json: 'application/json;charset=utf-8'
}

/**
 * Offers text as a file download: a Blob behind a temporary `<a download>`, which Electron and browsers
 * both save without any file-system access from the page.
 */
export function downloadText(fileName: string, content: string): void {
  const extension = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase()
  const blob = new Blob([content], { type: MEDIA_TYPES[extension] ?? 'text/plain;charset=utf-8' })
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The click has handed the Blob to the download; release it once that has started.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

// Maps a request path of the page's own origin to a file of the built renderer, for both hosts
// (Electron's app:// protocol and the Chromium host's request routing). Nothing outside the
// renderer folder is ever served.
import { existsSync, statSync } from 'node:fs'
import { extname, join, normalize, sep } from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

export interface RendererFile {
  path: string
  contentType: string
}

export function rendererFile(rendererDir: string, urlPath: string): RendererFile | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  const path = normalize(join(rendererDir, decoded))
  if (!path.startsWith(rendererDir + sep) || !existsSync(path) || !statSync(path).isFile()) {
    return null
  }
  return { path, contentType: CONTENT_TYPES[extname(path)] ?? 'application/octet-stream' }
}

// npm start: the app in Electron; where no Electron binary is installed, says so in one line and
// opens the same app in the Chromium host instead.
import { spawn } from 'node:child_process'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary, NO_ELECTRON_MESSAGE } from './electronBinary.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const binary = findElectronBinary()
const args = process.argv.slice(2)

if (binary) {
  const child = spawn(binary, [root, ...args], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.error(`DA Desk: ${NO_ELECTRON_MESSAGE} Opening it in Chromium instead.`)
  const child = spawn(
    process.execPath,
    [resolve(root, 'electron/chromiumHost/start.ts'), ...args],
    {
      stdio: 'inherit',
    },
  )
  child.on('exit', (code) => process.exit(code ?? 0))
}

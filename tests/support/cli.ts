// The command line run as a separate process, as an administrator would run it, with the test
// key in its environment unless the test says otherwise.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { TEST_KEY_HEX } from './databaseKey.ts'

export const CLI_BIN = resolve(import.meta.dirname, '../../electron/cli/bin.ts')

export function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const run = spawnSync(process.execPath, [CLI_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DA_DESK_KEY: TEST_KEY_HEX, ...env },
  })
  return { code: run.status, out: run.stdout, err: run.stderr }
}

#!/usr/bin/env node
// The `da-desk` command (npm run cli -- ...).
import { runCli } from './main.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => console.log(text),
  err: (text) => console.error(text),
  now: Date.now,
  env: process.env,
})

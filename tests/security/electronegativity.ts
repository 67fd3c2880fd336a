// `npm run security`: Electronegativity over the app, failing (exit 1) on any finding that the
// reviewed allow-list does not explain, on any entry that no longer matches a finding, and on
// any file the tool could not parse. The tool itself exits 0 whatever it finds.
//
//   node tests/security/electronegativity.ts [--root DIR] [--allow FILE]
//
// --root scans another project folder (the gate's own test scans an insecure fixture with it);
// --allow reads another allow-list.
import { parseArgs } from 'node:util'
import { relative, resolve } from 'node:path'
import { scanApp, APP_PATHS } from './scanApp.ts'
import type { Finding } from './scanApp.ts'
import { judgeFindings, readAllowList } from './judgeFindings.ts'

const projectRoot = resolve(import.meta.dirname, '../..')
const { values } = parseArgs({
  options: {
    root: { type: 'string', default: projectRoot },
    allow: {
      type: 'string',
      default: resolve(import.meta.dirname, 'allowedFindings.json'),
    },
  },
})
const allowPath = resolve(values.allow)
const allowName = relative(process.cwd(), allowPath) || allowPath

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const where = (f: Finding) =>
  f.file === 'N/A' ? 'the app as a whole' : `${f.file}:${f.line}:${f.column}`
const describe = (f: Finding) =>
  [
    `  ${f.check}  ${where(f)}${f.manualReview ? '  (needs a person to review)' : ''}`,
    ...(f.code ? [`      code: ${f.code}`] : []),
    `      ${f.description} [${f.severity}, ${f.confidence}]`,
    `      https://github.com/doyensec/electronegativity/wiki/${f.check}`,
  ].join('\n')

const allowList = readAllowList(allowPath)
const scan = await scanApp(resolve(values.root))
const { allowed, unexplained, stale } = judgeFindings(scan.findings, allowList)

console.log(
  `Electronegativity over ${APP_PATHS.join(', ')}: ${count(scan.files, 'file')}, ` +
    `${count(scan.checks, 'check')}, ${count(scan.findings.length, 'finding')}: ` +
    `${allowed.length} explained by ${allowName}, ${unexplained.length} unexplained; ` +
    `${count(stale.length, 'stale allow-list entry', 'stale allow-list entries')}; ` +
    `${count(scan.unreadable.length, 'file')} not parsed.`,
)
if (unexplained.length > 0) {
  console.log(
    `\nUnexplained findings: fix each one, or, once reviewed, add an entry to ${allowName} ` +
      `that names the check, the file (and the line of code) and says why it is acceptable.\n`,
  )
  console.log(unexplained.map(describe).join('\n\n'))
}
if (stale.length > 0) {
  console.log(
    `\nAllow-list entries that match no finding any more: remove them from ${allowName}.\n`,
  )
  for (const entry of stale) {
    console.log(`  ${entry.check}  ${entry.file}${entry.code ? `\n      code: ${entry.code}` : ''}`)
  }
}
if (scan.unreadable.length > 0) {
  console.log('\nFiles Electronegativity could not parse, so did not check:\n')
  for (const u of scan.unreadable) console.log(`  ${u.file}: ${u.message}`)
}
const failed = unexplained.length + stale.length + scan.unreadable.length > 0
if (scan.files === 0) console.log('\nNothing was scanned: is --root the project folder?')
process.exitCode = failed || scan.files === 0 ? 1 : 0

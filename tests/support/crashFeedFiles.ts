// The feed files the crash-safety test drops, made from the run and file number alone, so the
// parent knows what each file named in the child's output holds without reading it. They come in
// the three shapes of docs/feed-format.md (like the samples), and every fourth has one bad record,
// so the quarantine path is killed midway too.

/** The hand-typed incident the child files its notes on. */
export const CRASH_INCIDENT_REF = 'CL-20261127-CRASH'

export interface CrashFeedFile {
  name: string
  text: string
  /** The incidents the file's valid records carry: reference and summary. */
  incidents: { incidentRef: string; summary: string }[]
  quarantined: boolean
}

const EXTENSIONS = ['json', 'ndjson', 'csv'] as const

/** What `crashFeedFile` made a file of this name from; null for a name it does not make. */
export function crashFeedFileNamed(name: string): CrashFeedFile | null {
  const match = /^crash-r(\d+)-f(\d+)\.(json|ndjson|csv)$/.exec(name)
  return match ? crashFeedFile(Number(match[1]), Number(match[2])) : null
}

export function crashFeedFile(run: number, n: number): CrashFeedFile {
  const ext = EXTENSIONS[n % EXTENSIONS.length]!
  const receivedAt = '2026-11-27T20:00:00Z'
  const incidents = Array.from({ length: 1 + (n % 3) }, (_, i) => ({
    incidentRef: `CL-20261127-R${run}F${n}-${i}`,
    summary: `Run ${run}, file ${n}, incident ${i}: neighbour heard shouting.`,
  }))
  const quarantined = n % 4 === 0
  const records: Record<string, unknown>[] = incidents.map((incident) => ({
    ...incident,
    receivedAt,
    grade: 2,
  }))
  if (quarantined) {
    records.push({ incidentRef: `CL-20261127-R${run}F${n}-BAD`, receivedAt: 'yesterday' })
  }
  const text =
    ext === 'json'
      ? JSON.stringify(records)
      : ext === 'ndjson'
        ? records.map((r) => JSON.stringify(r)).join('\n')
        : [
            'incidentRef,receivedAt,grade,summary',
            ...records.map((r) =>
              [r.incidentRef, r.receivedAt, r.grade ?? '', `"${String(r.summary ?? '')}"`].join(
                ',',
              ),
            ),
          ].join('\n')
  return { name: `crash-r${run}-f${n}.${ext}`, text, incidents, quarantined }
}

// Checks the audit log's hash chain from the first entry to the latest, and names the first
// entry that is missing, changed or out of place, in words an administrator can act on.
import type { AuditStatus } from '#shared/domain.ts'
import type { Db } from '../db/openDatabase.ts'
import { auditQueries } from '../db/auditQueries.ts'
import { auditEntryHash, GENESIS_HASH } from './auditHash.ts'

type FirstBad = NonNullable<AuditStatus['firstBad']>

/**
 * Reads in one transaction, so entries another process (the CLI) adds meanwhile are either all
 * in the snapshot, head included, or not at all.
 */
export function verifyAuditChain(db: Db): AuditStatus {
  return db.transaction(() => check(db))()
}

function check(db: Db): AuditStatus {
  const q = auditQueries(db)
  const head = q.head()
  /** When the first entry after the recorded latest one was written, if there is such an entry. */
  let afterHeadAt: string | null = null
  let prevId = 0
  let prevHash = GENESIS_HASH
  let entries = 0
  const broken = (firstBad: FirstBad): AuditStatus => ({ intact: false, entries, firstBad })

  for (const [
    id,
    at,
    sessionId,
    actor,
    action,
    incidentId,
    detail,
    storedPrev,
    hash,
  ] of q.entries()) {
    entries++
    if (storedPrev !== prevHash) {
      // Ids are given one after another, so a gap where the chain breaks is a deleted entry.
      return id > prevId + 1
        ? broken({
            id: prevId + 1,
            at: null,
            problem:
              prevId === 0
                ? `it is missing: the log now starts at entry ${id}, which does not follow on ` +
                  'from the start'
                : `it is missing: entry ${id} now follows entry ${prevId}, and does not ` +
                  'follow on from it',
          })
        : broken({
            id,
            at,
            problem:
              'it does not follow on from the entry before it: entries were reordered, or one ' +
              'before it was changed',
          })
    }
    const entry = { id, at, sessionId, actor, action, incidentId, detail }
    if (auditEntryHash(storedPrev, entry) !== hash) {
      return broken({ id, at, problem: 'it was changed after it was written' })
    }
    if (head && id === head.lastId + 1) afterHeadAt = at
    prevId = id
    prevHash = hash
  }

  if (head === null) {
    return broken({
      id: prevId + 1,
      at: null,
      problem: 'the record of the latest entry was deleted, so entries after it may be missing',
    })
  }
  if (head.lastId > prevId) {
    return broken({
      id: prevId + 1,
      at: head.lastId === prevId + 1 ? head.lastAt : null,
      problem:
        `it is missing: the log ends at entry ${prevId}, but entry ${head.lastId} was the ` +
        'latest written, so the latest entries were deleted',
    })
  }
  if (head.lastId < prevId) {
    return broken({
      id: head.lastId + 1,
      at: afterHeadAt,
      problem: `it was added behind DA Desk's back: entry ${head.lastId} was the latest written`,
    })
  }
  if (head.lastHash !== prevHash) {
    return broken({
      id: head.lastId,
      at: head.lastAt,
      problem: 'it does not match the record of the latest entry: it was changed or replaced',
    })
  }
  return { intact: true, entries, firstBad: null }
}

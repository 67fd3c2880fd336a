// Asks before a restore, saying what it will do: which backup, what is lost (work recorded after
// it), where the database now in use goes (kept, never deleted), and that the worker is signed
// out. The Node side may still refuse (a backup damaged since it was listed); the dialog says why.
import { useState } from 'react'
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Typography,
} from '@mui/material'
import type { Backup } from '#shared/backup.ts'
import { formatDateTime } from '#shared/time.ts'
import { useDesk } from '../store/useDesk.ts'
import { backupLine } from './backupWords.ts'

export function RestoreDialog({
  backup,
  damaged,
  onClose,
}: {
  backup: Backup
  /** Restoring over a damaged database (the recovery screen) rather than one in use. */
  damaged: boolean
  onClose: () => void
}) {
  const restoreBackup = useDesk((s) => s.restoreBackup)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const when = formatDateTime(backup.madeAt)

  async function restore() {
    setBusy(true)
    const failed = await restoreBackup(backup.file)
    // On success this dialog has gone with the screen it was on.
    if (failed) {
      setProblem(failed)
      setBusy(false)
    }
  }

  return (
    <Dialog open onClose={busy ? undefined : onClose} aria-labelledby="restore-title">
      <DialogTitle id="restore-title">Restore the backup from {when}?</DialogTitle>
      <DialogContent sx={{ display: 'grid', gap: 1.5 }}>
        <Typography sx={{ fontWeight: 600 }}>{backupLine(backup)}</Typography>
        <Typography component="ul" sx={{ m: 0, pl: 2.5, display: 'grid', gap: 0.75 }}>
          <li>Work recorded after {when} will not be in the database.</li>
          {damaged ? (
            <li>
              The damaged database is moved aside, renamed …damaged-(time), and kept: nothing is
              deleted.
            </li>
          ) : (
            <>
              <li>
                The database as it is now is backed up first, then moved aside, renamed
                …replaced-(time), and kept: nothing is deleted.
              </li>
              <li>You will be signed out, and anyone signing in works on the restored database.</li>
            </>
          )}
        </Typography>
        {problem && <Alert severity="error">{problem}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button variant="contained" color="warning" onClick={() => void restore()} disabled={busy}>
          {damaged ? 'Restore this backup' : 'Restore and sign out'}
        </Button>
      </DialogActions>
    </Dialog>
  )
}

// Settings, Backups: where the backups go, the list (newest first, with when, why and size, and
// any that would not restore), "Back up now", "Restore…" with a dialog that says what a restore
// does, and how many backups to keep.
import { useEffect, useState, type FormEvent } from 'react'
import { Alert, Box, Button, List, ListItem, TextField, Typography } from '@mui/material'
import { BACKUPS_KEPT_DEFAULT, BACKUPS_KEPT_MAX, BACKUPS_KEPT_MIN } from '#shared/backup.ts'
import type { Backup } from '#shared/backup.ts'
import { backupLine } from '../recovery/backupWords.ts'
import { RestoreDialog } from '../recovery/RestoreDialog.tsx'
import { useDesk } from '../store/useDesk.ts'

export function BackupSettings() {
  const settings = useDesk((s) => s.settings)
  const backups = useDesk((s) => s.backups)
  const loadBackups = useDesk((s) => s.loadBackups)
  const makeBackup = useDesk((s) => s.makeBackup)
  const saveBackupsKept = useDesk((s) => s.saveBackupsKept)
  const [kept, setKept] = useState(String(settings?.backupsKept ?? BACKUPS_KEPT_DEFAULT))
  const [keptProblem, setKeptProblem] = useState<string | null>(null)
  const [backupProblem, setBackupProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState<Backup | null>(null)

  useEffect(() => {
    void loadBackups()
  }, [loadBackups])

  async function backUpNow() {
    setBusy(true)
    setBackupProblem(await makeBackup())
    setBusy(false)
  }

  async function saveKept(event: FormEvent) {
    event.preventDefault()
    const typed = kept.trim()
    const n = Number(typed)
    if (!/^\d+$/.test(typed) || n < BACKUPS_KEPT_MIN || n > BACKUPS_KEPT_MAX) {
      setKeptProblem(`A whole number from ${BACKUPS_KEPT_MIN} to ${BACKUPS_KEPT_MAX}`)
      return
    }
    const refused = await saveBackupsKept(n)
    setKeptProblem(refused ? `Not saved. ${refused}` : null)
  }

  return (
    <Box
      component="section"
      aria-labelledby="backup-settings-heading"
      sx={{ display: 'grid', gap: 1.5 }}
    >
      <Typography id="backup-settings-heading" component="h3" sx={{ fontWeight: 600 }}>
        Backups
      </Typography>
      <Typography variant="body2" color="text.secondary">
        DA Desk backs up its database, encrypted like the database itself, after every hand over and
        once a day, into <strong>{backups?.folder ?? 'the backups folder'}</strong>. Back up{' '}
        <code>da-desk.key.protected</code> with them: without the key no backup can be read.
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Button variant="outlined" onClick={() => void backUpNow()} disabled={busy}>
          {busy ? 'Backing up…' : 'Back up now'}
        </Button>
        <Box
          component="form"
          noValidate
          onSubmit={saveKept}
          sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
        >
          <TextField
            label="Backups kept"
            value={kept}
            onChange={(e) => {
              setKept(e.target.value)
              setKeptProblem(null)
            }}
            error={keptProblem !== null}
            helperText={keptProblem ?? 'The newest are kept; older ones are deleted.'}
            size="small"
            sx={{ width: 300 }}
            slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          />
          <Button type="submit" variant="outlined">
            Save
          </Button>
        </Box>
      </Box>
      {backupProblem && <Alert severity="error">{backupProblem}</Alert>}
      {backups === null ? (
        <Typography variant="body2">Looking for backups…</Typography>
      ) : backups.backups.length === 0 ? (
        <Typography variant="body2">There are no backups yet.</Typography>
      ) : (
        <List dense aria-label="Backups, newest first" sx={{ py: 0 }}>
          {backups.backups.map((b) => (
            <ListItem
              key={b.file}
              disableGutters
              divider
              secondaryAction={
                b.good ? (
                  <Button
                    onClick={() => setRestoring(b)}
                    aria-label={`Restore the backup from ${backupLine(b)}`}
                  >
                    Restore…
                  </Button>
                ) : undefined
              }
            >
              <Box>
                <Typography variant="body2">{backupLine(b)}</Typography>
                {!b.good && (
                  <Typography variant="body2" color="error">
                    Cannot be restored: {b.problem}
                  </Typography>
                )}
              </Box>
            </ListItem>
          ))}
        </List>
      )}
      {restoring && (
        <RestoreDialog backup={restoring} damaged={false} onClose={() => setRestoring(null)} />
      )}
    </Box>
  )
}

// Settings, Backups: where the backups go, the list (newest first, with when, why and size, and
// any that would not restore), "Back up now", "Restore…" with a dialog that says what a restore
// does, and how many backups to keep.
import { useEffect, useState } from 'react'
import { Alert, Box, Button, List, ListItem, Typography } from '@mui/material'
import { BACKUPS_KEPT_DEFAULT, BACKUPS_KEPT_MAX, BACKUPS_KEPT_MIN } from '#shared/backup.ts'
import type { Backup } from '#shared/backup.ts'
import { backupLine } from '../recovery/backupWords.ts'
import { RestoreDialog } from '../recovery/RestoreDialog.tsx'
import { useDesk } from '../store/useDesk.ts'
import { NumberSetting } from './NumberSetting.tsx'

export function BackupSettings() {
  const settings = useDesk((s) => s.settings)
  const backups = useDesk((s) => s.backups)
  const loadBackups = useDesk((s) => s.loadBackups)
  const makeBackup = useDesk((s) => s.makeBackup)
  const saveBackupsKept = useDesk((s) => s.saveBackupsKept)
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
        <NumberSetting
          label="Backups kept"
          initial={settings?.backupsKept ?? BACKUPS_KEPT_DEFAULT}
          min={BACKUPS_KEPT_MIN}
          max={BACKUPS_KEPT_MAX}
          rule={`A whole number from ${BACKUPS_KEPT_MIN} to ${BACKUPS_KEPT_MAX}`}
          help="The newest are kept; older ones are deleted."
          saveLabel="Save"
          save={saveBackupsKept}
        />
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

// Shown instead of sign-in when DA Desk found its database damaged at start-up: what happened in
// plain words (and what SQLite said), where the damaged file is (left exactly as it was), the
// newest good backup with "Restore this backup", the older ones, and what to do when there is
// none: contact IT, quoting the file.
import { useState } from 'react'
import { Alert, Box, Button, List, ListItem, Paper, Typography } from '@mui/material'
import type { Backup } from '#shared/backup.ts'
import { useDesk } from '../store/useDesk.ts'
import { backupLine } from './backupWords.ts'
import { RestoreDialog } from './RestoreDialog.tsx'

function FilePath({ path }: { path: string }) {
  return (
    <Typography
      sx={{
        fontFamily: 'monospace',
        fontSize: '1rem',
        px: 1.5,
        py: 1,
        borderRadius: 1,
        bgcolor: 'action.hover',
        overflowWrap: 'anywhere',
        userSelect: 'all',
      }}
    >
      {path}
    </Typography>
  )
}

export function RecoveryScreen({ file, problem }: { file: string; problem: string }) {
  const backups = useDesk((s) => s.backups)
  const [restoring, setRestoring] = useState<Backup | null>(null)
  const good = backups?.backups.filter((b) => b.good) ?? []
  const [newest, ...older] = good
  const bad = backups?.backups.filter((b) => !b.good) ?? []

  return (
    <Box
      component="main"
      aria-labelledby="recovery-title"
      sx={{ minHeight: '100vh', display: 'flex', justifyContent: 'center', p: 3 }}
    >
      <Paper
        variant="outlined"
        sx={{
          maxWidth: 820,
          width: '100%',
          p: 4,
          display: 'grid',
          gap: 3,
          // Its own height, not the window's: the space would otherwise go between the sections.
          alignSelf: 'flex-start',
        }}
      >
        <Box sx={{ display: 'grid', gap: 1 }}>
          <Typography id="recovery-title" variant="h4" component="h1" sx={{ fontWeight: 700 }}>
            DA Desk cannot open its database
          </Typography>
          <Alert severity="error" role="alert">
            When DA Desk started it checked its database and found it damaged (part of the file
            cannot be read, for example after a disk fault or a power cut). It has not opened it and
            has not changed it. Nobody can sign in until a backup is restored.
          </Alert>
          <Typography variant="body2" color="text.secondary">
            For IT: {problem}.
          </Typography>
        </Box>

        <Box component="section" aria-labelledby="damaged-file" sx={{ display: 'grid', gap: 1 }}>
          <Typography id="damaged-file" component="h2" variant="h6">
            The damaged file
          </Typography>
          <FilePath path={file} />
          <Typography variant="body2" color="text.secondary">
            Restoring a backup moves it aside beside the database (renamed …damaged-(time)); it is
            never deleted, so IT can still look at it.
          </Typography>
        </Box>

        {backups === null ? (
          <Typography>Looking for backups…</Typography>
        ) : newest ? (
          <Box component="section" aria-labelledby="newest-backup" sx={{ display: 'grid', gap: 1 }}>
            <Typography id="newest-backup" component="h2" variant="h6">
              Newest good backup
            </Typography>
            <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
              <Typography sx={{ fontSize: '1.1rem', fontWeight: 600 }}>
                {backupLine(newest)}
              </Typography>
              <Button variant="contained" size="large" onClick={() => setRestoring(newest)}>
                Restore this backup
              </Button>
            </Box>
            <Typography variant="body2" color="text.secondary">
              Work recorded after this backup was made is not in it: check the queue, notes and
              contact records with the police log once you are signed in.
            </Typography>
          </Box>
        ) : (
          <Alert severity="warning" role="status">
            There is no good backup to restore
            {backups.backups.length === 0 ? ` in ${backups.folder}` : ''}. Contact IT now and give
            them the path of the damaged file above; do not delete or move it. Until then, keep
            records on paper or in the police system.
          </Alert>
        )}

        {older.length > 0 && (
          <Box component="section" aria-labelledby="older-backups">
            <Typography id="older-backups" component="h2" variant="h6">
              Older backups
            </Typography>
            <List dense aria-labelledby="older-backups">
              {older.map((b) => (
                <ListItem
                  key={b.file}
                  disableGutters
                  secondaryAction={
                    <Button
                      onClick={() => setRestoring(b)}
                      aria-label={`Restore the backup from ${backupLine(b)}`}
                    >
                      Restore…
                    </Button>
                  }
                >
                  {backupLine(b)}
                </ListItem>
              ))}
            </List>
          </Box>
        )}

        {bad.length > 0 && (
          <Box component="section" aria-labelledby="bad-backups">
            <Typography id="bad-backups" component="h2" variant="h6">
              Backups that cannot be restored
            </Typography>
            <List dense aria-labelledby="bad-backups">
              {bad.map((b) => (
                <ListItem key={b.file} disableGutters sx={{ display: 'block' }}>
                  {backupLine(b)}: {b.problem}
                </ListItem>
              ))}
            </List>
          </Box>
        )}

        {backups && (
          <Typography variant="body2" color="text.secondary">
            Backups are in {backups.folder}.
          </Typography>
        )}
      </Paper>
      {restoring && <RestoreDialog backup={restoring} damaged onClose={() => setRestoring(null)} />}
    </Box>
  )
}

// Settings for the screen lock: the minutes without a key press or pointer movement after which
// DA Desk locks (5 unless changed). Ctrl+L and the Lock button lock it at once.
import { Box, Typography } from '@mui/material'
import { DEFAULT_LOCK_AFTER_MINUTES, LOCK_AFTER_MINUTES_MAX } from '#shared/domain.ts'
import { useDesk } from '../store/useDesk.ts'
import { NumberSetting } from './NumberSetting.tsx'

export function LockSettings() {
  const settings = useDesk((s) => s.settings)
  const saveLockAfterMinutes = useDesk((s) => s.saveLockAfterMinutes)
  return (
    <Box
      component="section"
      aria-labelledby="lock-settings-heading"
      sx={{ display: 'grid', gap: 1.5 }}
    >
      <Typography id="lock-settings-heading" component="h3" sx={{ fontWeight: 600 }}>
        Screen lock
      </Typography>
      <NumberSetting
        label="Lock after (minutes)"
        initial={settings?.lockAfterMinutes ?? DEFAULT_LOCK_AFTER_MINUTES}
        min={1}
        max={LOCK_AFTER_MINUTES_MAX}
        rule={`Whole minutes between 1 and ${LOCK_AFTER_MINUTES_MAX}, e.g. 5`}
        help="With no key pressed and no mouse moved. Ctrl+L locks at once."
        saveLabel="Save lock time"
        save={saveLockAfterMinutes}
      />
    </Box>
  )
}

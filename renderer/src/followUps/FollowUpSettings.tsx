// Settings for follow-up calls: how many days after a contact with a medium-risk victim the
// follow-up call is due (42, six weeks, unless changed). Follow-ups already scheduled keep their day.
import { Box, Typography } from '@mui/material'
import { DEFAULT_FOLLOW_UP_DAYS, MAX_FOLLOW_UP_DAYS, MIN_FOLLOW_UP_DAYS } from '#shared/followUp.ts'
import { NumberSetting } from '../settings/NumberSetting.tsx'
import { useDesk } from '../store/useDesk.ts'

export function FollowUpSettings() {
  const settings = useDesk((s) => s.settings)
  const saveFollowUpDays = useDesk((s) => s.saveFollowUpDays)
  return (
    <Box
      component="section"
      aria-labelledby="follow-up-settings-heading"
      sx={{ display: 'grid', gap: 1.5 }}
    >
      <Typography id="follow-up-settings-heading" component="h3" sx={{ fontWeight: 600 }}>
        Follow-up calls
      </Typography>
      <NumberSetting
        label="Follow-up due after (days)"
        initial={settings?.followUpDays ?? DEFAULT_FOLLOW_UP_DAYS}
        min={MIN_FOLLOW_UP_DAYS}
        max={MAX_FOLLOW_UP_DAYS}
        rule={`Whole days between ${MIN_FOLLOW_UP_DAYS} and ${MAX_FOLLOW_UP_DAYS}, e.g. 42`}
        help="After a contact with a medium-risk victim. Scheduled ones keep their day."
        saveLabel="Save follow-up days"
        save={saveFollowUpDays}
      />
    </Box>
  )
}

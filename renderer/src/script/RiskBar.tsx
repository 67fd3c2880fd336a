// The DASH risk as it stands: "9 yes of 24", the level in words (Standard / Medium / High, not
// colour alone), whether professional judgement made it high, and at high risk a prompt to refer
// to MARAC until a MARAC referral (whatever the decision) is recorded. "Professional judgement" is always here.
import { Box, Button, Typography } from '@mui/material'
import WarningIcon from '@mui/icons-material/WarningAmber'
import type { ScriptRecord } from '#shared/script.ts'
import { RISK_LEVEL_LABELS } from './scriptPath.ts'

interface Props {
  record: ScriptRecord
  onJudge: () => void
  /** Goes to the referrals step; absent when the worker is already there. */
  onRefer?: () => void
}

export function RiskBar({ record, onJudge, onRefer }: Props) {
  const { risk } = record
  const high = risk.level === 'high'
  const started = risk.answered > 0 || record.judgements.length > 0

  return (
    <Box
      role="region"
      aria-label="Risk"
      sx={{
        display: 'grid',
        gap: 1,
        p: 1.5,
        borderRadius: 1,
        border: 2,
        borderColor: high ? 'error.main' : 'divider',
        bgcolor: 'background.paper',
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
        {started ? (
          <>
            <Typography sx={{ fontSize: '1.25rem', fontWeight: 700 }}>
              Risk:{' '}
              <Box
                component="span"
                sx={{
                  color: high ? 'error.main' : risk.level === 'medium' ? 'warning.main' : 'inherit',
                }}
              >
                {RISK_LEVEL_LABELS[risk.level]}
              </Box>
            </Typography>
            <Typography sx={{ fontSize: '1.25rem', fontWeight: 700 }}>
              {risk.yesCount} yes of {risk.total}
            </Typography>
          </>
        ) : (
          <Typography sx={{ fontWeight: 700 }}>Risk: DASH not started</Typography>
        )}
        <Button variant="outlined" size="small" onClick={onJudge} sx={{ ml: 'auto' }}>
          Professional judgement
        </Button>
      </Box>
      {started && (
        <Typography variant="body2" color="text.secondary">
          {risk.answered} of {risk.total} DASH questions answered
          {risk.byJudgement ? ' · High by professional judgement' : ''}
        </Typography>
      )}
      {risk.maracPrompt && (
        <Box
          sx={{
            display: 'flex',
            alignItems: 'center',
            gap: 1,
            flexWrap: 'wrap',
            color: 'error.main',
          }}
        >
          <WarningIcon aria-hidden />
          <Typography sx={{ fontWeight: 700 }}>High risk: refer to MARAC.</Typography>
          {onRefer && (
            <Button variant="contained" color="error" size="small" onClick={onRefer}>
              Go to referrals
            </Button>
          )}
        </Box>
      )}
    </Box>
  )
}

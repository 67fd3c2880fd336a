// A grade as a coloured chip whose words carry the meaning ("G1 Immediate"); the colours are
// only a second cue, and each passes AA contrast with its text in both themes.
import { Chip } from '@mui/material'
import { GRADE_NAMES, type Grade } from '#shared/domain.ts'

const GRADE_COLOURS: Record<Grade, { bg: string; fg: string }> = {
  1: { bg: '#b3261e', fg: '#ffffff' },
  2: { bg: '#f59e0b', fg: '#111111' },
  3: { bg: '#00796b', fg: '#ffffff' },
  4: { bg: '#5f6b76', fg: '#ffffff' },
}

export function gradeLabel(grade: Grade): string {
  return `G${grade} ${GRADE_NAMES[grade]}`
}

export function GradeChip({ grade, size = 'small' }: { grade: Grade; size?: 'small' | 'medium' }) {
  const { bg, fg } = GRADE_COLOURS[grade]
  return (
    <Chip
      label={gradeLabel(grade)}
      size={size}
      sx={{ bgcolor: bg, color: fg, fontWeight: 700, minWidth: size === 'small' ? 104 : 120 }}
    />
  )
}

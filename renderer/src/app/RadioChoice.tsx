// One choice from a short fixed list, as radio buttons under a label that names the group: the
// priority of a tasking, a Clare's Law route, who made an application, its next status.
import type { ReactNode } from 'react'
import { FormControl, FormControlLabel, FormLabel, Radio, RadioGroup } from '@mui/material'

interface Props<T extends string> {
  /** The label's element id, which names the group. */
  id: string
  label: ReactNode
  options: readonly T[]
  labels: Record<T, string>
  value: T | null
  onChange: (value: T) => void
  /** Side by side rather than one under another. */
  row?: boolean
  /** The first option takes the focus when the dialog opens. */
  autoFocus?: boolean
}

export function RadioChoice<T extends string>({
  id,
  label,
  options,
  labels,
  value,
  onChange,
  row = false,
  autoFocus = false,
}: Props<T>) {
  return (
    <FormControl>
      <FormLabel id={id}>{label}</FormLabel>
      <RadioGroup
        row={row}
        aria-labelledby={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((option, i) => (
          <FormControlLabel
            key={option}
            value={option}
            control={<Radio autoFocus={autoFocus && i === 0} />}
            label={labels[option]}
          />
        ))}
      </RadioGroup>
    </FormControl>
  )
}

// The lock setting as stored, with the default a new workstation starts from.
import type { Settings } from '#shared/domain.ts'
import { DEFAULT_LOCK_AFTER_MINUTES } from '#shared/domain.ts'
import type { DeskQueries } from '../db/deskQueries.ts'

export function lockSettings(desk: DeskQueries): Pick<Settings, 'lockAfterMinutes'> {
  return {
    lockAfterMinutes:
      (desk.setting('lockAfterMinutes') as number | undefined) ?? DEFAULT_LOCK_AFTER_MINUTES,
  }
}

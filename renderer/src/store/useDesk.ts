// The page's one zustand store, built from its slices.
import { create } from 'zustand'
import type { DeskState } from './deskState.ts'
import { createBackupSlice } from './backupSlice.ts'
import { createClaresLawSlice } from './claresLawSlice.ts'
import { createContactSlice } from './contactSlice.ts'
import { createEscalationSlice } from './escalationSlice.ts'
import { createFeedSlice } from './feedSlice.ts'
import { createFiguresSlice } from './figuresSlice.ts'
import { createFollowUpSlice } from './followUpSlice.ts'
import { createNotesSlice } from './notesSlice.ts'
import { createQueueSlice } from './queueSlice.ts'
import { createRetentionSlice } from './retentionSlice.ts'
import { createRepeatsSlice } from './repeatsSlice.ts'
import { createScriptSlice } from './scriptSlice.ts'
import { createSelectionSlice } from './selectionSlice.ts'
import { createSessionSlice } from './sessionSlice.ts'
import { createSettingsSlice } from './settingsSlice.ts'
import { createShiftSlice } from './shiftSlice.ts'
import { createSupportCarSlice } from './supportCarSlice.ts'
import { createUiSlice } from './uiSlice.ts'

export const useDesk = create<DeskState>()((...args) => ({
  ...createSessionSlice(...args),
  ...createQueueSlice(...args),
  ...createSelectionSlice(...args),
  ...createContactSlice(...args),
  ...createNotesSlice(...args),
  ...createScriptSlice(...args),
  ...createEscalationSlice(...args),
  ...createRepeatsSlice(...args),
  ...createClaresLawSlice(...args),
  ...createFeedSlice(...args),
  ...createSettingsSlice(...args),
  ...createShiftSlice(...args),
  ...createFiguresSlice(...args),
  ...createFollowUpSlice(...args),
  ...createSupportCarSlice(...args),
  ...createRetentionSlice(...args),
  ...createBackupSlice(...args),
  ...createUiSlice(...args),
}))

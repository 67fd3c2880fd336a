// The shape of the page's one store, assembled from its slices (each in its own file).
import type { StateCreator } from 'zustand'
import type { BackupSlice } from './backupSlice.ts'
import type { ClaresLawSlice } from './claresLawSlice.ts'
import type { ContactSlice } from './contactSlice.ts'
import type { EscalationSlice } from './escalationSlice.ts'
import type { FeedSlice } from './feedSlice.ts'
import type { FiguresSlice } from './figuresSlice.ts'
import type { FollowUpSlice } from './followUpSlice.ts'
import type { NotesSlice } from './notesSlice.ts'
import type { QueueSlice } from './queueSlice.ts'
import type { RetentionSlice } from './retentionSlice.ts'
import type { RepeatsSlice } from './repeatsSlice.ts'
import type { ScriptSlice } from './scriptSlice.ts'
import type { SelectionSlice } from './selectionSlice.ts'
import type { SessionSlice } from './sessionSlice.ts'
import type { SettingsSlice } from './settingsSlice.ts'
import type { ShiftSlice } from './shiftSlice.ts'
import type { SupportCarSlice } from './supportCarSlice.ts'
import type { UiSlice } from './uiSlice.ts'

export type DeskState = SessionSlice &
  QueueSlice &
  SelectionSlice &
  ContactSlice &
  NotesSlice &
  ScriptSlice &
  EscalationSlice &
  RepeatsSlice &
  ClaresLawSlice &
  FeedSlice &
  SettingsSlice &
  ShiftSlice &
  FiguresSlice &
  FollowUpSlice &
  SupportCarSlice &
  RetentionSlice &
  BackupSlice &
  UiSlice

export type DeskSlice<T> = StateCreator<DeskState, [], [], T>

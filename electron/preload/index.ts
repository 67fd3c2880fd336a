// The preload: the page's one door to the Node side. It exposes window.daDesk (the shared
// contract's DaDeskApi) and nothing else; main validates everything that comes through.
import { contextBridge, ipcRenderer } from 'electron'
import { EVENT_NAMES, IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '#shared/ipc.ts'
import type { DaDeskApi, EventName } from '#shared/contract.ts'

type Listener = (payload: unknown) => void
const listeners = new Map<EventName, Set<Listener>>()

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event, name: EventName, payload: unknown) => {
  for (const listener of listeners.get(name) ?? []) listener(payload)
})

const api = {
  call: (name, request) => ipcRenderer.invoke(IPC_CALL_CHANNEL, name, request),
  on: (event, listener) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`)
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    set.add(listener as Listener)
    return () => {
      set.delete(listener as Listener)
    }
  },
} satisfies DaDeskApi

contextBridge.exposeInMainWorld('daDesk', api)

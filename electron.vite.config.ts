// Builds the three sides of the app: Electron main, the sandboxed preload (CommonJS) and the page.
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // A worker thread's script, found at run time beside index.js (core/feed/parseOffThread.ts).
          parseWorker: resolve('electron/core/feed/parseWorker.ts'),
          // The same for backups (core/backup/makeBackup.ts).
          backupWorker: resolve('electron/core/backup/backupWorker.ts'),
          // And for handover PDFs (core/handover/pdfRenderer.ts).
          pdfWorker: resolve('electron/core/handover/pdfWorker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
})

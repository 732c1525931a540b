import { defineConfig } from 'vitest/config'
import react from '@vitejs/plugin-react'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          environment: 'node',
          include: ['test/shared/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['test/main/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        test: {
          // The start path (npm start on a fresh clone) and the packaging: real npm, electron-vite and
          // Electron's installer against a loopback mirror, in temp copies of the project.
          name: 'scripts',
          environment: 'node',
          include: ['test/scripts/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          // A screen waits on the real server and SQLite; on two busy cores that can pass vitest's 1 s default.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium and one server at a time: these machines have two cores.
          fileParallelism: false,
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['test/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['test/renderer/setup.ts'],
        },
      },
    ],
  },
})

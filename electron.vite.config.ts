import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      // web.ts is the browser-mode server: the same handlers without Electron, for tests and development.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts'), web: resolve(__dirname, 'src/main/web.ts') },
        // Browser mode prints PDFs with a local Chromium through playwright-core, loaded from node_modules
        // when asked; the desktop app prints with Electron and never loads it.
        external: ['playwright-core'],
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be CommonJS and self-contained.
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
    plugins: [
      react(),
      {
        // Vite's dev server injects <style> tags for hot reload; only there is inline style allowed.
        name: 'fieldnote-dev-csp',
        apply: 'serve',
        transformIndexHtml: (html: string) =>
          html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
      },
    ],
  },
})

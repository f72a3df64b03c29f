import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      // double-metaphone ships as ESM only; bundling it keeps the CommonJS main bundle loadable
      // in every Electron/Node version. Native sqlite3 and TypeORM stay external (asarUnpack).
      externalizeDeps: { exclude: ['double-metaphone'] },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } }
    }
  },
  preload: {
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } } }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Relative asset URLs: the page is loaded from app://casebook/ in Electron and from http:// in tests.
    base: './',
    // Minified JavaScript: less to parse each time a window opens. CSS stays as compiled, because
    // Lightning CSS's minifier rejects one of GOV.UK Frontend's media queries.
    build: { minify: true, cssMinify: false, rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } },
    plugins: [react()]
  }
})

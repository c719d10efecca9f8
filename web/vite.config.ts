import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * @fontsource lists a .woff fallback after each .woff2. Every browser that runs this app reads
 * woff2, so dropping the fallbacks halves the fonts shipped (about 7 MB, mostly Noto Sans SC).
 */
function woff2Only(): Plugin {
  return {
    name: 'jaring-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('@fontsource') || !id.endsWith('.css')) return null;
      return { code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\(['"]woff['"]\)/g, ''), map: null };
    },
  };
}

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [woff2Only(), react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    // Keep every font slice a separate file: browsers fetch only the unicode ranges a page uses.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:8080' } },
  },
});

// The console's build: `vite build console` (npm run build:console, run by `npm ci` through `prepare`)
// writes console/dist, which `tollgate serve` serves at /console. Each service's pages are their own
// chunks (dynamic imports in src/main.tsx); the sizes are printed by the build.
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/console/',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Cloudscape marks its modules 'use client' (for React Server Components); a client-only bundle drops it.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  logLevel: 'info',
});

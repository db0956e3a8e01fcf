import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The base path is an option so the built folder works under any sub-path of a static host:
//   DATELINE_BASE=/dateline/ npm run build
export default defineConfig({
  base: process.env.DATELINE_BASE ?? './',
  plugins: [react()],
  build: { target: 'es2022', sourcemap: false },
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
  },
});

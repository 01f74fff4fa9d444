import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The server serves dist/ at /console and the API on the same origin under /api.
export default defineConfig({
  base: '/console/',
  plugins: [react()],
  server: {
    port: 5174,
    proxy: { '/api': { target: process.env.CONSOLE_API ?? 'http://127.0.0.1:3000', changeOrigin: true } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2020',
    chunkSizeWarningLimit: 1200,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return undefined;
          if (/[\\/]node_modules[\\/](\.pnpm[\\/])?(echarts|zrender)/.test(id)) return 'echarts';
          if (/[\\/]node_modules[\\/](\.pnpm[\\/])?(react|react-dom|scheduler|react-router|react-router-dom)@/.test(id)) return 'react';
          // antd, icons and dayjs: left to Rollup, so each page loads only the components it uses.
          return undefined;
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
    testTimeout: 20_000,
  },
});

// config/index.ts defines API_BASE_URL at build time; tests use a recognisable origin.
;(globalThis as unknown as { API_BASE_URL: string }).API_BASE_URL = 'https://api.test'

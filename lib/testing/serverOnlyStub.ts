// In tests, 'server-only' is a no-op: vitest runs on the server side only.
export {};

/**
 * A minimal stand-in for next/headers in integration tests: a cookie jar and request headers that
 * a test can set (tests/setup-db.ts mocks the module with this).
 */
const jar = new Map<string, string>();
export const requestHeaders = new Headers({ 'x-forwarded-for': '203.0.113.7' });

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar.entries()].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  }),
  headers: async () => requestHeaders,
};

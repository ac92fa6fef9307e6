import { config } from 'zod';

// The server's Content-Security-Policy forbids eval (script-src 'self'). zod would otherwise probe
// for it with `new Function` on its first object parse: the probe's failure is caught, but the
// browser still reports a CSP violation on every page (Lighthouse: "Issues were logged").
// Imported first by main.tsx, before any schema parses.
config({ jitless: true });

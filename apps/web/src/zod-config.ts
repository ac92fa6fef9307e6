import { config } from 'zod/v4/core';

// The server's Content-Security-Policy forbids eval (script-src 'self'). zod would otherwise probe
// for it with `new Function` on its first object parse: the probe's failure is caught, but the
// browser still reports a CSP violation on every page (Lighthouse: "Issues were logged").
// Imported first by main.tsx, the entry, so that it runs before any chunk loaded later can parse:
// the order in which the app's chunks run is not the order of app.tsx's imports.
config({ jitless: true });

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, loadConfig } from '../apps/api/src/config';

describe('server configuration', () => {
  it('takes an IANA time zone for the study and refuses a name the runtime does not know', () => {
    expect(loadConfig({}).EDC_STUDY_TIMEZONE).toBe('Europe/Istanbul');
    expect(loadConfig({ EDC_STUDY_TIMEZONE: 'America/Chicago' }).EDC_STUDY_TIMEZONE).toBe('America/Chicago');
    expect(() => loadConfig({ EDC_STUDY_TIMEZONE: 'Europe/Ankara-ish' })).toThrow(
      /EDC_STUDY_TIMEZONE: not a time zone name/,
    );
  });

  it('is documented: every setting the server reads has a row in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('## Deploying with Docker'),
    );
    for (const name of Object.keys(configSchema.shape)) expect(table, name).toContain(`\`${name}\``);
  });
});

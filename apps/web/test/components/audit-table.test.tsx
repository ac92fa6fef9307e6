import type { AuditEntry } from '@mini-edc/domain';
import { render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { AuditTable } from '../../src/audit/audit-table';
import { applyLocale, withDeskText } from '../../src/i18n';

const recordId = '3f2b8c1e-0000-4000-8000-00000000abcd';
const participantUuid = '7d1c2a3b-0000-4000-8000-0000000000ef';
const actor = { id: 'a1b2c3d4-0000-4000-8000-000000000001', label: 'Nurse A', role: 'coordinator' };

const base = {
  occurredAt: '2026-12-01T14:05:00.000000Z',
  actor,
  siteCode: 'S01',
  participantStudyId: 'S01-0001',
  reason: null,
  requestId: null,
};

/** As GET /audit answers: raw names kept, with the codes the screen words (R-AUDIT-5). */
const entries: AuditEntry[] = [
  {
    ...base,
    id: 3,
    action: 'UPDATE',
    table: 'form_records',
    recordId,
    entity: 'form_record',
    verb: 'changed',
    formCode: 'vas',
    visitCode: 'BL',
    reason: 'Transcription error',
    changes: [
      { field: 'data.vas_mm', old: 62, new: 55, item: { kind: 'field', code: 'vas_mm' } },
      { field: 'data.vas_method', old: null, new: 'paper', item: { kind: 'field', code: 'vas_method' } },
      { field: 'version', old: 1, new: 2, item: { kind: 'key' } },
    ],
  },
  {
    ...base,
    id: 2,
    action: 'UPDATE',
    table: 'participants',
    recordId: participantUuid,
    entity: 'participant',
    verb: 'changed',
    formCode: null,
    visitCode: null,
    changes: [
      { field: 'status', old: 'screening', new: 'enrolled', item: { kind: 'column', code: 'status' } },
      { field: 'site_id', old: null, new: participantUuid, item: { kind: 'key' } },
    ],
  },
  {
    ...base,
    id: 1,
    action: 'LOGIN',
    table: 'sessions',
    recordId: participantUuid,
    participantStudyId: null,
    entity: 'session',
    verb: 'event',
    formCode: null,
    visitCode: null,
    changes: [],
  },
];

function renderTable() {
  render(
    <MemoryRouter>
      <AuditTable entries={entries} participantHref={() => null} />
    </MemoryRouter>,
  );
  return screen.getByRole('table');
}

afterEach(() => applyLocale('en'));

describe('AuditTable', () => {
  it.each([
    {
      locale: 'en',
      words: ['Pain VAS (mm)', 'Changed', 'Pain (VAS) · Baseline', 'Method', 'Paper', 'empty', 'Status'],
      status: ['Screening', 'Enrolled'],
      login: 'Signed in',
      technical: '1 technical detail (identifiers, versions) is in the CSV export.',
    },
    {
      locale: 'tr',
      words: ['Ağrı VAS (mm)', 'Değiştirildi', 'Ağrı (VAS) · Başlangıç', 'Yöntem', 'Kağıt', 'boş', 'Durum'],
      status: ['Tarama', 'Çalışmaya alındı'],
      login: 'Giriş yaptı',
      technical: '1 teknik ayrıntı (kimlikler, sürümler) CSV dışa aktarımında yer alır.',
    },
  ] as const)('shows labels, steps and values in $locale, never raw names, ids or SQL verbs', async (c) => {
    // The audit trail is a desk screen: its words come with its chunk (withDeskText, src/router.tsx),
    // and a change of language brings that language's.
    await withDeskText(() => Promise.resolve())();
    await applyLocale(c.locale);
    const table = renderTable();
    const text = table.textContent ?? '';
    for (const word of c.words) expect(text, word).toContain(word);
    const [vasRow, participantRow, loginRow] = within(table).getAllByRole('row').slice(1);
    expect(vasRow?.textContent).toMatch(/62 → .{0,8}55/);
    expect(vasRow?.textContent).toContain(c.technical);
    expect(participantRow?.textContent).toMatch(new RegExp(`${c.status[0]} → .{0,8}${c.status[1]}`));
    expect(loginRow?.textContent).toContain(c.login);
    for (const raw of [
      'data.vas_mm',
      'vas_mm',
      'form_records',
      'site_id',
      'version',
      'UPDATE',
      'LOGIN',
      'INSERT',
    ]) {
      expect(text, raw).not.toMatch(new RegExp(`\\b${raw.replace('.', '\\.')}\\b`));
    }
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toContain(recordId.slice(0, 8));
  });
});

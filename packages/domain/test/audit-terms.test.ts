import { describe, expect, it } from 'vitest';
import { auditFieldPathsMatching, foldForSearch } from '../src/audit/audit-field-search';
import { auditItemOf } from '../src/audit/audit-items';
import { auditEntityOf, auditVerbOf } from '../src/audit/audit-terms';
import { lbpTrial } from '../src/study/lbp-trial';

describe('auditEntityOf', () => {
  it('names each audited table, and anything else "other"', () => {
    expect(auditEntityOf('form_records')).toBe('form_record');
    expect(auditEntityOf('randomization_slots')).toBe('randomization');
    expect(auditEntityOf('emergency_unblindings')).toBe('unblinding');
    expect(auditEntityOf('closeout_files')).toBe('closeout_file');
    expect(auditEntityOf('pg_class')).toBe('other');
    expect(auditEntityOf('toString')).toBe('other');
  });
});

describe('auditVerbOf', () => {
  it('names inserts by what they create and deletes as deleted', () => {
    expect(auditVerbOf('INSERT', 'sdv_marks', {})).toBe('verified');
    expect(auditVerbOf('INSERT', 'signatures', {})).toBe('signed');
    expect(auditVerbOf('INSERT', 'data_queries', {})).toBe('opened');
    expect(auditVerbOf('INSERT', 'form_records', {})).toBe('created');
    expect(auditVerbOf('DELETE', 'sdv_marks', {})).toBe('deleted');
    expect(auditVerbOf('DELETE', 'form_records', { status: ['draft', 'complete'] })).toBe('deleted');
  });

  it('names an event row by "event"', () => {
    expect(auditVerbOf('LOGIN', 'sessions', {})).toBe('event');
    expect(auditVerbOf('EXPORT', 'exports', { status: [null, 'complete'] })).toBe('event');
  });

  it('names an update by the status it set, per kind of row', () => {
    const set = (status: unknown) => ({ status: ['x', status] });
    expect(auditVerbOf('UPDATE', 'form_records', set('complete'))).toBe('completed');
    expect(auditVerbOf('UPDATE', 'form_records', set('signed'))).toBe('signed');
    expect(auditVerbOf('UPDATE', 'form_records', set('locked'))).toBe('locked');
    expect(auditVerbOf('UPDATE', 'form_records', set('draft'))).toBe('reopened');
    expect(auditVerbOf('UPDATE', 'participants', set('withdrawn'))).toBe('withdrawn');
    expect(auditVerbOf('UPDATE', 'participants', set('enrolled'))).toBe('changed');
    expect(auditVerbOf('UPDATE', 'data_queries', set('answered'))).toBe('answered');
    expect(auditVerbOf('UPDATE', 'data_queries', set('closed'))).toBe('closed');
    expect(auditVerbOf('UPDATE', 'data_queries', set('open'))).toBe('reopened');
    expect(auditVerbOf('UPDATE', 'visits', set('complete'))).toBe('changed');
    expect(auditVerbOf('UPDATE', 'form_records', set(3))).toBe('changed');
    expect(auditVerbOf('UPDATE', 'form_records', { status: 'complete' })).toBe('changed');
    expect(auditVerbOf('UPDATE', 'form_records', { status: ['complete'] })).toBe('changed');
    expect(auditVerbOf('UPDATE', 'form_records', { status: ['a', 'b', 'complete'] })).toBe('changed');
    // Only an [old, new] pair is a change of status, and only a text status names a step.
    expect(auditVerbOf('UPDATE', 'form_records', { status: ['draft', 'complete', 'signed'] })).toBe(
      'changed',
    );
    expect(auditVerbOf('UPDATE', 'form_records', { status: ['draft', ['complete']] })).toBe('changed');
    expect(auditVerbOf('UPDATE', 'form_records', { data: [{}, {}] })).toBe('changed');
  });

  it('names an SDV mark cleared and a signature voided', () => {
    expect(auditVerbOf('UPDATE', 'sdv_marks', { cleared_at: [null, '2025-06-01T00:00:00Z'] })).toBe(
      'verification_undone',
    );
    expect(auditVerbOf('UPDATE', 'sdv_marks', { cleared_at: ['2025-06-01T00:00:00Z', null] })).toBe(
      'changed',
    );
    expect(auditVerbOf('UPDATE', 'signatures', { voided_at: [null, '2025-06-01T00:00:00Z'] })).toBe('voided');
    expect(auditVerbOf('UPDATE', 'signatures', { voided_at: ['2025-06-01T00:00:00Z', null] })).toBe(
      'changed',
    );
    // Only on their own kind of row.
    expect(auditVerbOf('UPDATE', 'form_records', { cleared_at: [null, 'x'], voided_at: [null, 'x'] })).toBe(
      'changed',
    );
  });
});

describe('auditItemOf', () => {
  it('tells a form field, a known column and a technical key apart', () => {
    expect(auditItemOf('data.vas_mm')).toEqual({ kind: 'field', code: 'vas_mm' });
    expect(auditItemOf('data.')).toEqual({ kind: 'key' });
    expect(auditItemOf('status')).toEqual({ kind: 'column', code: 'status' });
    expect(auditItemOf('published_version')).toEqual({ kind: 'column', code: 'published_version' });
    expect(auditItemOf('row_hash')).toEqual({ kind: 'key' });
    expect(auditItemOf('metadata.status')).toEqual({ kind: 'key' });
  });
});

describe('audit field search', () => {
  it('folds case, Turkish i and diacritics, and trims', () => {
    expect(foldForSearch('  AĞRI ')).toBe('agri');
    expect(foldForSearch('Ağrı')).toBe('agri');
    expect(foldForSearch('İlaç')).toBe('ilac');
    expect(foldForSearch('Çöğüş')).toBe('cogus');
  });

  it('finds fields by name, English or Turkish label, or audit path, sorted, each once', () => {
    expect(auditFieldPathsMatching(lbpTrial, 'ağri')).toContain('data.vas_mm');
    expect(auditFieldPathsMatching(lbpTrial, 'PAIN VAS')).toEqual(['data.vas_mm']);
    expect(auditFieldPathsMatching(lbpTrial, 'vas_mm')).toEqual(['data.vas_mm']);
    expect(auditFieldPathsMatching(lbpTrial, 'data.vas_m')).toEqual([
      'data.vas_mark_mm',
      'data.vas_method',
      'data.vas_mm',
    ]);
    const all = auditFieldPathsMatching(lbpTrial, 'date');
    expect(all).toEqual([...new Set(all)].sort());
    expect(all.length).toBeGreaterThan(1);
  });

  it('finds nothing for blank text or words no field has', () => {
    expect(auditFieldPathsMatching(lbpTrial, '   ')).toEqual([]);
    expect(auditFieldPathsMatching(lbpTrial, '')).toEqual([]);
    expect(auditFieldPathsMatching(lbpTrial, 'zzzz')).toEqual([]);
  });
});

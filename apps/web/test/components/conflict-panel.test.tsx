import { type FormRecord, lbpTrial } from '@mini-edc/domain';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/api/client';
import { ConflictPanel, versionConflictOf } from '../../src/forms/conflict-panel';
import { i18n } from '../../src/i18n';

const t = i18n.t.bind(i18n);
const vasForm = lbpTrial.forms.find((f) => f.code === 'vas');
if (!vasForm) throw new Error('the study definition has no VAS form');
const form = vasForm;
const label = (name: string) => form.fields.find((f) => f.name === name)?.label.en ?? name;

const saved: FormRecord = {
  id: '00000000-0000-4000-8000-0000000000aa',
  visitCode: 'W1',
  formCode: form.code,
  seq: 1,
  status: 'complete',
  version: 3,
  data: { vas_mm: 42, vas_method: 'paper', vas_line_length_mm: 100 },
  updatedAt: '2026-12-01T09:00:00.000Z',
};

/** The 409 the API answers a save from a stale version, with the record as it holds it now. */
const conflictError = (current: unknown) =>
  new ApiError(409, {
    error: {
      code: 'VERSION_CONFLICT',
      message: 'Version conflict',
      messageCode: 'VERSION_CONFLICT',
      params: {},
      current,
    },
  });

describe('versionConflictOf', () => {
  it('reads the saved record out of a VERSION_CONFLICT, and nothing out of other refusals', () => {
    const mine = { vas_mm: 55 };
    expect(versionConflictOf(conflictError(saved), mine)).toEqual({ current: saved, mine });
    expect(versionConflictOf(conflictError({ id: 'not a record' }), mine)).toBeNull();
    expect(
      versionConflictOf(
        new ApiError(409, {
          error: { code: 'NOT_ELIGIBLE', message: 'x', messageCode: 'NOT_ELIGIBLE', params: {} },
        }),
        mine,
      ),
    ).toBeNull();
    expect(versionConflictOf(new Error('network'), mine)).toBeNull();
  });
});

describe('ConflictPanel', () => {
  it('lists only the fields whose saved value differs from the user’s, both shown', () => {
    render(
      <ConflictPanel
        form={form}
        conflict={{ current: saved, mine: { vas_mm: '55', vas_method: 'paper', vas_line_length_mm: '' } }}
        onReload={() => undefined}
        onKeepMine={() => undefined}
      />,
    );
    const panel = screen.getByRole('alert');
    expect(within(panel).getByRole('heading').textContent).toBe(
      t('participants.conflict.title', { version: 3 }),
    );
    const rows = within(panel).getAllByRole('row').slice(1);
    const cells = rows.map((row) => [...row.querySelectorAll('th, td')].map((c) => c.textContent));
    expect(cells.map((c) => c[0])).toEqual([label('vas_mm'), label('vas_line_length_mm')]);
    expect(cells[0]?.slice(1)).toEqual(['42', '55']);
  });

  it('says so when the saved values are the user’s, and leaves the choice to the user', async () => {
    const onReload = vi.fn();
    const onKeepMine = vi.fn();
    render(
      <ConflictPanel
        form={form}
        conflict={{ current: saved, mine: { ...saved.data } }}
        onReload={onReload}
        onKeepMine={onKeepMine}
      />,
    );
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(t('participants.conflict.sameValues'))).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: t('participants.conflict.keepMine') }));
    expect(onKeepMine).toHaveBeenCalledOnce();
    expect(onReload).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: t('participants.conflict.reload') }));
    expect(onReload).toHaveBeenCalledOnce();
  });
});

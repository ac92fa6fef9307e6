import { lbpTrial, ODI_ITEM_KEYS, scoreOdiAnswers } from '@mini-edc/domain';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { OdiLiveScore } from '../../src/forms/form-computed';
import { FormFieldInput } from '../../src/forms/form-field-input';
import { applyLocale, i18n } from '../../src/i18n';
import { renderInStudyForm } from './render';

const t = i18n.t.bind(i18n);
const odiForm = lbpTrial.forms.find((f) => f.code === 'odi');
if (!odiForm) throw new Error('the study definition has no ODI form');
const form = odiForm;
const sections = ODI_ITEM_KEYS.map((key) => {
  const field = form.fields.find((f) => f.name === key);
  if (!field) throw new Error(`the ODI form has no field ${key}`);
  return field;
});

function renderOdi(data: Record<string, unknown> = {}) {
  return renderInStudyForm(
    form,
    <>
      {sections.map((field) => (
        <FormFieldInput key={field.name} field={field} disabled={false} />
      ))}
      <OdiLiveScore />
    </>,
    { data },
  );
}

/** The value shown beside a term of the score panel. */
function shown(term: string): string {
  const panel = screen.getByRole('region', { name: t('participants.odi.liveTitle') });
  const dt = within(panel).getByText(term, { selector: 'dt' });
  return dt.nextElementSibling?.textContent ?? '';
}

afterEach(async () => {
  await applyLocale('en');
});

describe('OdiLiveScore', () => {
  it('shows no score before a section is ticked', () => {
    renderOdi();
    expect(shown(t('participants.odi.answered'))).toBe(
      t('participants.odi.answeredOf', { answered: 0, total: ODI_ITEM_KEYS.length }),
    );
    expect(shown(t('participants.odi.percent'))).toBe(t('common.none'));
  });

  it('recomputes sum, percent and band with the domain’s scoring as sections are ticked', async () => {
    const { user } = renderOdi();
    const ticks = [3, 3, 2, 4, 1, 3, 2, 3, 0, 5];
    for (const [i, field] of sections.entries()) {
      const group = screen.getByRole('group', { name: field.label.en });
      await user.click(within(group).getByRole('radio', { name: String(ticks[i]) }));
    }
    const answers = { q1: 3, q2: 3, q3: 2, q4: 4, q5: 1, q6: 3, q7: 2, q8: 3, q9: 0, q10: 5 };
    expect(ODI_ITEM_KEYS.map((k) => answers[k])).toEqual(ticks);
    const expected = scoreOdiAnswers(answers);
    if (!expected) throw new Error('ten answered sections have a score');
    // 26 of 50: 52.0 %, written out so that a scoring slip shared by the panel and the domain shows.
    expect(expected.sum).toBe(26);
    expect(shown(t('participants.odi.sum'))).toBe('26');
    expect(screen.getByTestId('odi-percent').textContent).toBe('52.0%');
    expect(shown(t('participants.odi.band'))).toBe(t(`participants.odi.bands.${expected.band}`));
    expect(screen.queryByText(t('participants.odi.lowCompletion'))).toBeNull();
  });

  it('flags a score from fewer than eight sections, and drops a cleared section from it', async () => {
    const answered = Object.fromEntries(ODI_ITEM_KEYS.slice(0, 8).map((k) => [k, 2]));
    const { user } = renderOdi(answered);
    expect(shown(t('participants.odi.answered'))).toBe(
      t('participants.odi.answeredOf', { answered: 8, total: ODI_ITEM_KEYS.length }),
    );
    expect(screen.queryByText(t('participants.odi.lowCompletion'))).toBeNull();
    const first = screen.getByRole('group', { name: sections[0]?.label.en });
    await user.click(within(first).getByRole('button', { name: t('participants.form.clearAnswer') }));
    expect(shown(t('participants.odi.answered'))).toBe(
      t('participants.odi.answeredOf', { answered: 7, total: ODI_ITEM_KEYS.length }),
    );
    expect(screen.getByText(t('participants.odi.lowCompletion'))).toBeTruthy();
    // 14 of 35: 40.0 %.
    expect(screen.getByTestId('odi-percent').textContent).toBe('40.0%');
  });

  it('writes the percentage the Turkish way in Turkish', async () => {
    await applyLocale('tr');
    renderOdi(Object.fromEntries(ODI_ITEM_KEYS.map((k) => [k, 3])));
    expect(screen.getByTestId('odi-percent').textContent).toBe('%60,0');
  });
});

import { type FormDefinition, type FormField, lbpTrial } from '@mini-edc/domain';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FieldQueriesProvider } from '../../src/forms/field-queries';
import { FormFieldInput } from '../../src/forms/form-field-input';
import { i18n } from '../../src/i18n';
import { renderInStudyForm } from './render';

const t = i18n.t.bind(i18n);

/** The first field of the production definition that matches, with its form: no names written out. */
function fieldWhere(match: (f: FormField) => boolean): { form: FormDefinition; field: FormField } {
  for (const form of lbpTrial.forms) {
    const field = form.fields.find(match);
    if (field) return { form, field };
  }
  throw new Error('no such field in the study definition');
}

const isShortScale = (f: FormField) =>
  f.type === 'integer' && f.min !== undefined && f.max !== undefined && f.max - f.min <= 6;

describe('FormFieldInput', () => {
  it('draws a short integer range (an ODI section) as a group of radios that can be cleared', async () => {
    const { form, field } = fieldWhere(isShortScale);
    const { user } = renderInStudyForm(form, <FormFieldInput field={field} disabled={false} />);
    const group = screen.getByRole('group', { name: field.label.en });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((r) => (r as HTMLInputElement).value)).toEqual(
      Array.from({ length: (field.max ?? 0) - (field.min ?? 0) + 1 }, (_, i) => String((field.min ?? 0) + i)),
    );
    await user.click(within(group).getByRole('radio', { name: '3' }));
    expect(within(group).getByRole<HTMLInputElement>('radio', { name: '3' }).checked).toBe(true);
    await user.click(within(group).getByRole('button', { name: t('participants.form.clearAnswer') }));
    expect(radios.some((r) => (r as HTMLInputElement).checked)).toBe(false);
  });

  it('draws the VAS as a text input with its unit, its anchors as hint, and marks the typed value on the line', async () => {
    const { form, field } = fieldWhere((f) => f.name === 'vas_mm');
    const { user, container } = renderInStudyForm(form, <FormFieldInput field={field} disabled={false} />);
    const input = screen.getByRole('textbox', { name: `${field.label.en} (${field.unit})` });
    expect(input.getAttribute('inputmode')).toBe('numeric');
    const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toContain(lbpTrial.instruments.vasAnchors.left.en);
    expect(hint?.textContent).toContain(lbpTrial.instruments.vasAnchors.right.en);
    await user.type(input, '60');
    expect(container.querySelector('.vas-marker-value')?.textContent).toBe('60');
  });

  it('shows the definition’s refusal beside the field after submit, linked and marked invalid', async () => {
    const { form, field } = fieldWhere((f) => f.name === 'vas_mm');
    const { user } = renderInStudyForm(form, <FormFieldInput field={field} disabled={false} />);
    const input = screen.getByRole('textbox', { name: `${field.label.en} (${field.unit})` });
    await user.type(input, String((field.max ?? 0) + 1));
    await user.click(screen.getByRole('button', { name: 'submit' }));
    const error = await screen.findByText(/100/, { selector: '.field-error' });
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = input.getAttribute('aria-describedby')?.split(' ') ?? [];
    expect(describedBy).toContain(error.id);
  });

  it('offers a choice of more than three values as a select, and of at most three as radios', () => {
    const long = fieldWhere((f) => f.type === 'choice' && (f.allowedValues?.length ?? 0) > 3);
    renderInStudyForm(long.form, <FormFieldInput field={long.field} disabled={false} />);
    const select = screen.getByRole('combobox', { name: new RegExp(long.field.label.en) });
    const options = within(select)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(options).toEqual([
      t('participants.form.choose'),
      ...(long.field.allowedValues ?? []).map((v) => v.label.en),
    ]);

    const short = fieldWhere((f) => f.type === 'choice' && (f.allowedValues?.length ?? 0) <= 3);
    renderInStudyForm(short.form, <FormFieldInput field={short.field} disabled={false} />);
    const group = screen.getByRole('group', { name: new RegExp(short.field.label.en) });
    expect(within(group).getAllByRole('radio')).toHaveLength(short.field.allowedValues?.length ?? 0);
  });

  it('names an optional field so, and disables every control of a read-only form', () => {
    const { form, field } = fieldWhere((f) => !f.required && f.type === 'multi_choice');
    renderInStudyForm(form, <FormFieldInput field={field} disabled />);
    const group = screen.getByRole('group', {
      name: `${field.label.en} ${t('participants.form.optional')}`,
    });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.length).toBe(field.allowedValues?.length);
    // A disabled fieldset disables every control in it (HTML); happy-dom does not apply that rule.
    expect(group.hasAttribute('disabled')).toBe(true);

    const vas = fieldWhere((f) => f.name === 'vas_mm');
    renderInStudyForm(vas.form, <FormFieldInput field={vas.field} disabled />);
    expect(
      screen.getByRole<HTMLInputElement>('textbox', { name: new RegExp(vas.field.label.en) }).disabled,
    ).toBe(true);
  });

  it('marks a field that has an unresolved data query, and only that field', () => {
    const { form } = fieldWhere((f) => f.name === 'vas_mm');
    const [first, second] = form.fields;
    if (!first || !second) throw new Error('the VAS form has fewer than two fields');
    const { container } = renderInStudyForm(
      form,
      <FieldQueriesProvider unresolved={new Map([[first.name, 2]])}>
        <FormFieldInput field={first} disabled={false} />
        <FormFieldInput field={second} disabled={false} />
      </FieldQueriesProvider>,
    );
    const markers = container.querySelectorAll('[data-field-query]');
    expect([...markers].map((m) => m.getAttribute('data-field-query'))).toEqual([first.name]);
    expect(markers[0]?.textContent).toContain(t('participants.formReview.marker', { count: 2 }));
  });
});

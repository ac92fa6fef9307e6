import type { FormField } from '@mini-edc/domain';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../components/field';
import { ChoiceGroup } from './choice-group';
import { FieldQueryMarker } from './field-queries';
import type { StudyFormValues } from './form-resolver';
import { useOdiStatements } from './odi-statements-api';
import { languageOf, localized, study } from './study';
import { VasScale } from './vas-scale';

/** A range this short is answered by ticking a number (ODI sections 0–5). */
function isScale(field: FormField) {
  return (
    field.type === 'integer' &&
    field.min !== undefined &&
    field.max !== undefined &&
    field.max - field.min <= 6
  );
}

/** The ODI section (1–10) a field scores, if it is one of the ODI form's sections. */
function odiSectionOf(field: FormField): number | null {
  const odi = study.forms.find((f) => f.instrument === 'oswestry_disability_index');
  const match = /^q(\d+)$/.exec(field.name);
  return odi?.fields.includes(field) && match ? Number(match[1]) : null;
}

const LONG_TEXT = /description|reason|action|_text$/;

/** One field of a study form, with the marker of an unresolved query on it when there is one. */
export function FormFieldInput({ field, disabled }: { field: FormField; disabled: boolean }) {
  const { i18n } = useTranslation();
  return (
    <div className="field-slot" id={`field-${field.name}`}>
      <FieldQueryMarker field={field.name} label={localized(field.label, i18n.language)} />
      <FieldInputBody field={field} disabled={disabled} />
    </div>
  );
}

/** One field of a study form, drawn by its type in the study definition. */
function FieldInputBody({ field, disabled }: { field: FormField; disabled: boolean }) {
  const { t, i18n } = useTranslation();
  const { register, setValue, formState } = useFormContext<StudyFormValues>();
  const name = `data.${field.name}` as const;
  const error = formState.errors.data?.[field.name] as { message?: string } | undefined;
  const label = localized(field.label, i18n.language);
  const optional = field.required ? '' : ` ${t('participants.form.optional')}`;
  const unit =
    field.unit && i18n.exists(`participants.units.${field.unit}`)
      ? t(`participants.units.${field.unit}` as 'participants.units.months')
      : field.unit;
  const withUnit = unit ? `${label} (${unit})` : label;
  const registration = register(name);
  const odiSection = odiSectionOf(field);
  // The study's licensed statements, when an admin loaded them, in the interface language
  // (protocol §3.4); otherwise the scores alone.
  const statements = useOdiStatements(odiSection !== null).data?.languages[languageOf(i18n.language)]?.[
    (odiSection ?? 0) - 1
  ];

  if (isScale(field)) {
    const min = field.min ?? 0;
    const max = field.max ?? 0;
    const options = Array.from({ length: max - min + 1 }, (_, i) => ({
      value: String(min + i),
      label: statements?.[min + i] ?? String(min + i),
    }));
    return (
      <ChoiceGroup
        legend={label}
        options={options}
        kind="radio"
        inline={!statements}
        className={statements ? 'odi-statements' : undefined}
        registration={registration}
        error={error}
        disabled={disabled}
        after={
          <button
            type="button"
            className="button link small"
            disabled={disabled}
            onClick={() => setValue(name, '', { shouldDirty: true, shouldValidate: formState.isSubmitted })}
          >
            {t('participants.form.clearAnswer')}
          </button>
        }
      />
    );
  }

  const range =
    field.min !== undefined && field.max !== undefined
      ? t('participants.form.range', { min: field.min, max: field.max })
      : field.min !== undefined
        ? t('participants.form.atLeast', { min: field.min })
        : undefined;

  switch (field.type) {
    case 'integer':
    case 'decimal': {
      const isVas = field.name === 'vas_mm';
      const { left, right } = study.instruments.vasAnchors;
      const hint = isVas
        ? t('participants.form.vasHint', {
            left: localized(left, i18n.language),
            right: localized(right, i18n.language),
          })
        : range;
      return (
        <div className={isVas ? 'vas-field' : undefined}>
          <TextField
            label={`${withUnit}${optional}`}
            hint={hint}
            error={error}
            // Text, not type="number": the browser's number input reads separators by its own
            // locale (an English browser made "80,5" into 805); locale-number.ts parses by the
            // interface language instead.
            type="text"
            inputMode={field.type === 'integer' ? 'numeric' : 'decimal'}
            autoComplete="off"
            disabled={disabled}
            {...registration}
          />
          {isVas ? <VasScale /> : null}
        </div>
      );
    }
    case 'date':
      return (
        <TextField
          label={`${label}${optional}`}
          type="date"
          error={error}
          disabled={disabled}
          {...registration}
        />
      );
    case 'datetime':
      return (
        <TextField
          label={`${label}${optional}`}
          type="datetime-local"
          error={error}
          disabled={disabled}
          {...registration}
        />
      );
    case 'boolean':
      return (
        <label className="checkbox">
          <input type="checkbox" disabled={disabled} {...registration} />
          <span>{label}</span>
        </label>
      );
    case 'yes_no': {
      const options = (
        field.allowedValues ?? [
          { code: 'yes', label: { en: t('participants.yes'), tr: t('participants.yes') } },
          { code: 'no', label: { en: t('participants.no'), tr: t('participants.no') } },
        ]
      ).map((v) => ({ value: v.code, label: localized(v.label, i18n.language) }));
      return (
        <ChoiceGroup
          legend={`${label}${optional}`}
          options={options}
          kind="radio"
          inline
          registration={registration}
          error={error}
          disabled={disabled}
        />
      );
    }
    case 'choice': {
      const values = field.allowedValues ?? [];
      if (values.length <= 3) {
        return (
          <ChoiceGroup
            legend={`${label}${optional}`}
            options={values.map((v) => ({ value: v.code, label: localized(v.label, i18n.language) }))}
            kind="radio"
            inline
            registration={registration}
            error={error}
            disabled={disabled}
          />
        );
      }
      return (
        <SelectField label={`${label}${optional}`} error={error} disabled={disabled} {...registration}>
          <option value="">{t('participants.form.choose')}</option>
          {values.map((v) => (
            <option key={v.code} value={v.code}>
              {localized(v.label, i18n.language)}
            </option>
          ))}
        </SelectField>
      );
    }
    case 'multi_choice':
      return (
        <ChoiceGroup
          legend={`${label}${optional}`}
          options={(field.allowedValues ?? []).map((v) => ({
            value: v.code,
            label: localized(v.label, i18n.language),
          }))}
          kind="checkbox"
          registration={registration}
          error={error}
          disabled={disabled}
        />
      );
    default: {
      if (field.name === 'vas_prompt_version') {
        return <TextField label={`${label}${optional}`} readOnly error={error} {...registration} />;
      }
      if (LONG_TEXT.test(field.name)) {
        return (
          <TextAreaField
            label={`${label}${optional}`}
            rows={3}
            error={error}
            disabled={disabled}
            {...registration}
          />
        );
      }
      return (
        <TextField
          label={`${label}${optional}`}
          type="text"
          error={error}
          disabled={disabled}
          {...registration}
        />
      );
    }
  }
}

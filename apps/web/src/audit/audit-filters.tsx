import type { AuditFilter } from '@mini-edc/domain';
import { useEffect, useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../components/field';
import { codedFieldText } from '../i18n/field-codes';
import { userTimeZone } from '../i18n/format';
import { formLabel, studyForms } from '../review/study-labels';
import { type AuditFilterValues, filterFromValues, valuesFromFilter } from './audit-filter';
import { auditActions, auditTables } from './audit-vocabulary';

interface ParticipantOption {
  id: string;
  studyId: string;
}

export interface ActorOption {
  id: string;
  label: string;
}

interface AuditFiltersProps {
  filter: AuditFilter;
  participants: readonly ParticipantOption[];
  sites: readonly { id: string; code: string; name: string }[];
  actors: readonly ActorOption[];
  onApply: (filter: AuditFilter) => void;
}

/**
 * Every form field's label in the interface language, offered as suggestions for the field
 * search; the server matches words of a label in either language (R-AUDIT-5).
 */
function fieldSuggestions(source: string, language: string): string[] {
  const [kind, name] = source.split(':');
  const forms = kind === 'form' ? studyForms().filter((f) => f.code === name) : studyForms();
  const labels = forms.flatMap((f) =>
    f.fields.map((field) => (language === 'tr' ? field.label.tr : field.label.en)),
  );
  return [...new Set(labels)].sort((a, b) => a.localeCompare(b, language));
}

/** The audit filter form; applying it rewrites the page URL, which the list reads. */
export function AuditFilters({ filter, participants, sites, actors, onApply }: AuditFiltersProps) {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const form = useForm<AuditFilterValues>({ defaultValues: valuesFromFilter(filter) });
  const { register, handleSubmit, reset, setError, watch, formState } = form;
  const errors = formState.errors;

  // The URL is the truth: back/forward or a link with a filter refills the form.
  useEffect(() => reset(valuesFromFilter(filter)), [filter, reset]);

  const submit = handleSubmit((values) => {
    const result = filterFromValues(values);
    if (!result.filter) {
      for (const problem of result.problems) {
        const message =
          'key' in problem
            ? t(`monitor.audit.errors.${problem.key}`)
            : codedFieldText({ path: problem.field, message: '', ...problem.coded }, t);
        setError(problem.field, { type: 'validate', message });
      }
      return;
    }
    onApply(result.filter);
  });

  const zone = userTimeZone();
  return (
    <form className="panel filter-panel" onSubmit={(event) => void submit(event)} noValidate>
      <h2 className="sr-only">{t('monitor.audit.filters')}</h2>
      <div className="filter-grid">
        <SelectField label={t('monitor.audit.participant')} {...register('participantId')}>
          <option value="">{t('monitor.common.all')}</option>
          {participants.map((p) => (
            <option key={p.id} value={p.id}>
              {p.studyId}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('monitor.audit.site')} {...register('siteId')}>
          <option value="">{t('monitor.common.all')}</option>
          {sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.code} {s.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('monitor.audit.user')}
          hint={t('monitor.audit.userHint')}
          error={errors.actorId}
          {...register('actorId')}
        >
          <option value="">{t('monitor.common.all')}</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('monitor.audit.action')} error={errors.action} {...register('action')}>
          <option value="">{t('monitor.common.all')}</option>
          {auditActions.map((a) => (
            <option key={a} value={a}>
              {t(`monitor.actions.${a}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('monitor.audit.source')} error={errors.source} {...register('source')}>
          <option value="">{t('monitor.common.all')}</option>
          <optgroup label={t('monitor.audit.forms')}>
            {studyForms().map((f) => (
              <option key={f.code} value={`form:${f.code}`}>
                {formLabel(f.code, i18n.language)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('monitor.audit.tables')}>
            {auditTables.map((name) => (
              <option key={name} value={`table:${name}`}>
                {t(`monitor.tables.${name}`)}
              </option>
            ))}
          </optgroup>
        </SelectField>
        <TextField
          label={t('monitor.audit.field')}
          hint={t('monitor.audit.fieldHint')}
          error={errors.field}
          list={listId}
          autoComplete="off"
          spellCheck={false}
          {...register('field')}
        />
        <datalist id={listId}>
          {fieldSuggestions(watch('source'), i18n.language).map((label) => (
            <option key={label} value={label} />
          ))}
        </datalist>
        <TextField
          type="datetime-local"
          step={1}
          label={t('monitor.audit.from')}
          hint={t('monitor.audit.zoneHint', { zone })}
          error={errors.from}
          {...register('from')}
        />
        <TextField
          type="datetime-local"
          step={1}
          label={t('monitor.audit.to')}
          hint={t('monitor.audit.zoneHint', { zone })}
          error={errors.to}
          {...register('to')}
        />
      </div>
      <div className="actions">
        <button type="submit" className="button primary">
          {t('monitor.audit.apply')}
        </button>
        <button type="button" className="button" onClick={() => onApply({})}>
          {t('monitor.audit.clear')}
        </button>
      </div>
    </form>
  );
}

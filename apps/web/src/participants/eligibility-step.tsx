import {
  ageAtScreening,
  deriveEligibilityAnswers,
  type EligibilityCriterion,
  eligibilityRequestSchema,
  type FormRecord,
  saveFormRequestSchema,
  type YesNo,
} from '@mini-edc/domain';
import { useMemo, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { TextAreaField } from '../components/field';
import { FormAlert } from '../components/form-alert';
import { ChoiceGroup } from '../forms/choice-group';
import { study } from '../forms/study';
import { UnsavedChangesGuard } from '../forms/unsaved-changes';
import { applyApiError } from '../lib/apply-api-error';
import { codedResolver } from '../lib/coded-resolver';
import { type ParticipantView, useSubmitEligibility } from './participants-api';

export interface EligibilityOutcome {
  eligible: boolean;
  failedCriteria: string[];
}

export function criterionText(c: EligibilityCriterion, language: string) {
  return language === 'tr' ? c.textTr : c.textEn;
}

/** The facts the system proposes answers from (protocol §1.4: derive, then confirm). */
function factsOf(participant: ParticipantView, demographics: FormRecord | undefined) {
  const data = demographics?.data ?? {};
  const screened = participant.screenedAt;
  const birth =
    typeof data.birth_date === 'string'
      ? data.birth_date
      : typeof data.birth_year === 'number'
        ? data.birth_year
        : null;
  return {
    age: birth !== null && screened ? ageAtScreening(birth, screened) : undefined,
    bmi: typeof data.bmi === 'number' ? data.bmi : undefined,
    sex: data.sex === 'male' || data.sex === 'female' ? data.sex : undefined,
    painDurationMonths: typeof data.pain_duration_months === 'number' ? data.pain_duration_months : undefined,
  } as const;
}

/** The contract's answer rule, one required entry per criterion of the study definition. */
// Worded as the server's refusal of an answer (field code ANSWER_YES_OR_NO) in either language.
const answerSchema = z.custom<YesNo>((v) => v === 'yes' || v === 'no', {
  params: { code: 'ANSWER_YES_OR_NO' },
});

function schemaFor(reasonRequired: boolean) {
  const criteria = study.eligibility.criteria;
  return eligibilityRequestSchema.extend({
    answers: z.object(Object.fromEntries(criteria.map((c) => [c.id, answerSchema]))),
    reason: reasonRequired ? saveFormRequestSchema.shape.reason.unwrap() : z.string().optional(),
  });
}

/**
 * Step 3: one yes/no per criterion in the user's language, with the answers the system derives
 * from demographics (age → I1/E1, pain duration → I2, BMI → E2, male → E3 "no") filled in and marked for confirmation.
 * The server decides and names the failing criteria.
 */
export function EligibilityStep({
  participant,
  demographics,
  existing,
  onDecided,
}: {
  participant: ParticipantView;
  demographics: FormRecord | undefined;
  existing: FormRecord | undefined;
  onDecided: (outcome: EligibilityOutcome) => void;
}) {
  const {
    t,
    i18n: { language },
  } = useTranslation();
  const criteria = study.eligibility.criteria;
  const submitEligibility = useSubmitEligibility();
  const [general, setGeneral] = useState<string | null>(null);
  const facts = factsOf(participant, demographics);
  const proposals = useMemo(
    () =>
      deriveEligibilityAnswers(criteria, study.eligibility.limits, {
        ...(facts.age ? { age: facts.age } : {}),
        ...(facts.bmi !== undefined ? { bmi: facts.bmi } : {}),
        ...(facts.sex ? { sex: facts.sex } : {}),
        ...(facts.painDurationMonths !== undefined ? { painDurationMonths: facts.painDurationMonths } : {}),
      }),
    [criteria, facts.age, facts.bmi, facts.sex, facts.painDurationMonths],
  );
  const defaults = Object.fromEntries(
    criteria.map((c) => {
      const stored = existing?.data[c.id.toLowerCase()];
      return [c.id, stored === 'yes' || stored === 'no' ? stored : (proposals[c.id] ?? '')];
    }),
  );
  const form = useForm({
    resolver: codedResolver(schemaFor(existing !== undefined)),
    defaultValues: { answers: defaults as Record<string, YesNo>, reason: '' },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const answers = useWatch({ control: form.control, name: 'answers' });
  const dirty = useRef(false);
  dirty.current = isDirty;

  const onSubmit = form.handleSubmit(async (values) => {
    setGeneral(null);
    try {
      const result = await submitEligibility.mutateAsync({
        id: participant.id,
        body: {
          answers: values.answers,
          ...(existing ? { expectedVersion: existing.version, reason: values.reason } : {}),
        },
      });
      dirty.current = false;
      form.reset(values);
      onDecided({ eligible: result.eligible, failedCriteria: result.failedCriteria });
    } catch (error) {
      setGeneral(
        applyApiError(error, form.setError, [...criteria.map((c) => `answers.${c.id}` as const), 'reason']),
      );
    }
  });

  const proposalHint = (c: EligibilityCriterion) => {
    const proposed = proposals[c.id];
    if (!proposed) return undefined;
    const basis =
      c.derivedFrom === 'age' && facts.age
        ? t('participants.eligibility.fromAge', {
            age: facts.age.min === facts.age.max ? facts.age.min : `${facts.age.min}–${facts.age.max}`,
          })
        : c.derivedFrom === 'bmi' && facts.bmi !== undefined
          ? t('participants.eligibility.fromBmi', { bmi: facts.bmi })
          : t('participants.eligibility.fromSex');
    return (
      <span className="proposal">
        <span className="badge badge-info">{t('participants.eligibility.proposed')}</span>{' '}
        {t('participants.eligibility.proposal', { basis, answer: t(`participants.${proposed}`) })}
      </span>
    );
  };

  const group = (kind: 'inclusion' | 'exclusion') =>
    criteria
      .filter((c) => c.kind === kind)
      .map((c) => (
        <ChoiceGroup
          key={c.id}
          legend={`${c.id}. ${criterionText(c, language)}`}
          options={[
            { value: 'yes', label: t('participants.yes') },
            { value: 'no', label: t('participants.no') },
          ]}
          kind="radio"
          inline
          className={answers?.[c.id] && answers[c.id] !== c.expected ? 'fails' : undefined}
          hint={proposalHint(c)}
          registration={form.register(`answers.${c.id}`)}
          error={errors.answers?.[c.id]}
        />
      ));

  return (
    <form onSubmit={onSubmit} noValidate className="stack wizard-form">
      <p className="muted">{t('participants.eligibility.intro')}</p>
      <FormAlert message={general} />
      <section className="criteria-block" aria-labelledby="inclusion-title">
        <h3 id="inclusion-title">{t('participants.eligibility.inclusion')}</h3>
        {group('inclusion')}
      </section>
      <section className="criteria-block" aria-labelledby="exclusion-title">
        <h3 id="exclusion-title">{t('participants.eligibility.exclusion')}</h3>
        {group('exclusion')}
      </section>
      {existing ? (
        <TextAreaField
          label={t('participants.form.reason')}
          hint={t('participants.form.reasonHint')}
          rows={2}
          error={errors.reason}
          {...form.register('reason')}
        />
      ) : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          {isSubmitting ? t('common.saving') : t('participants.eligibility.submit')}
        </button>
      </div>
      <UnsavedChangesGuard dirty={dirty} />
    </form>
  );
}

import {
  bodyMassIndex,
  type FormField,
  ODI_ITEM_KEYS,
  type OdiItemKey,
  scoreOdiAnswers,
} from '@mini-edc/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StudyFormValues } from './form-resolver';
import { parseLocaleNumber } from './locale-number';
import { OdiBandBadge } from './odi-band-badge';
import { formDefinition } from './study';
import { useScoreFormat } from './use-score-format';

function numberOf(raw: unknown, language: string): number | null {
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  const n = parseLocaleNumber(raw, language);
  return Number.isFinite(n) ? n : null;
}

/** A typed value only when the definition's bounds for the field accept it. */
function withinBounds(value: number | null, field: FormField | undefined): number | null {
  if (value === null || value <= 0) return null;
  if (field?.min !== undefined && value < field.min) return null;
  if (field?.max !== undefined && value > field.max) return null;
  return value;
}

/**
 * ODI sum, answered sections, % and band, recomputed by the domain's scoring as each section is
 * ticked (protocol §3.2); the API stores the same values on save.
 */
export function OdiLiveScore({ headingLevel = 3 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  // One level below the form's own heading, so the page's outline skips none (WCAG 1.3.1).
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const fmt = useScoreFormat();
  const values = useWatch<StudyFormValues>({ name: ODI_ITEM_KEYS.map((k) => `data.${k}` as const) });
  const answers = Object.fromEntries(
    ODI_ITEM_KEYS.map((k, i) => {
      const n = numberOf(values[i], i18n.language);
      return [k, n !== null && Number.isInteger(n) && n >= 0 && n <= 5 ? n : null];
    }),
  ) as Record<OdiItemKey, number | null>;
  const score = scoreOdiAnswers(answers);
  const answered = ODI_ITEM_KEYS.filter((k) => answers[k] !== null).length;
  return (
    <section className="computed odi-live" aria-labelledby="odi-live-title">
      <Heading id="odi-live-title">{t('participants.odi.liveTitle')}</Heading>
      <dl className="computed-values" aria-live="polite">
        <div>
          <dt>{t('participants.odi.answered')}</dt>
          <dd>{t('participants.odi.answeredOf', { answered, total: ODI_ITEM_KEYS.length })}</dd>
        </div>
        <div>
          <dt>{t('participants.odi.sum')}</dt>
          <dd>{score ? fmt.number(score.sum) : t('common.none')}</dd>
        </div>
        <div>
          <dt>{t('participants.odi.percent')}</dt>
          <dd className="computed-main" data-testid="odi-percent">
            {score ? fmt.percent1(score.pctX10) : t('common.none')}
          </dd>
        </div>
        <div>
          <dt>{t('participants.odi.band')}</dt>
          <dd>{score ? <OdiBandBadge band={score.band} /> : t('common.none')}</dd>
        </div>
      </dl>
      {score?.lowCompletion ? <p className="notice">{t('participants.odi.lowCompletion')}</p> : null}
    </section>
  );
}

/**
 * BMI from height and weight as typed, one decimal, half up (protocol §1.4 E2); shown only while
 * both lie within the plausible bounds the study definition gives them (no BMI of millions from a
 * height typed in metres).
 */
export function BmiLive({ formCode }: { formCode: string }) {
  const { t, i18n } = useTranslation();
  const fmt = useScoreFormat();
  const [h, w] = useWatch<StudyFormValues>({ name: ['data.height_cm', 'data.weight_kg'] });
  const fields = formDefinition(formCode).fields;
  const height = withinBounds(
    numberOf(h, i18n.language),
    fields.find((f) => f.name === 'height_cm'),
  );
  const weight = withinBounds(
    numberOf(w, i18n.language),
    fields.find((f) => f.name === 'weight_kg'),
  );
  const bmi = height !== null && weight !== null ? bodyMassIndex(weight, height) : null;
  return (
    <section className="computed" aria-live="polite">
      <dl className="computed-values">
        <div>
          <dt>{t('participants.demographics.bmi')}</dt>
          <dd className="computed-main">
            {bmi !== null ? `${fmt.decimal1(Math.round(bmi * 10))} kg/m²` : t('common.none')}
          </dd>
        </div>
      </dl>
    </section>
  );
}

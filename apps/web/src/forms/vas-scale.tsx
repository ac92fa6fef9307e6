import { VAS_MAX_MM } from '@mini-edc/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { StudyFormValues } from './form-resolver';
import { localized, study } from './study';

/**
 * The 100 mm line with the study's anchor wording (protocol §2.1), and the entered value marked on
 * it so a transcription slip (e.g. 06 for 60) is visible at a glance. Purely visual: the anchors
 * are also in the input's hint.
 */
export function VasScale() {
  const { i18n } = useTranslation();
  const raw = useWatch<StudyFormValues>({ name: 'data.vas_mm' });
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : null;
  const shown = value !== null && Number.isFinite(value) && value >= 0 && value <= VAS_MAX_MM ? value : null;
  const { left, right } = study.instruments.vasAnchors;
  return (
    <div className="vas-scale" aria-hidden="true">
      <div className="vas-line">
        {shown !== null ? (
          <span className="vas-marker" style={{ left: `${shown}%` }}>
            <span className="vas-marker-value">{shown}</span>
          </span>
        ) : null}
      </div>
      <div className="vas-anchors">
        <span>0 · {localized(left, i18n.language)}</span>
        <span>
          {localized(right, i18n.language)} · {VAS_MAX_MM}
        </span>
      </div>
    </div>
  );
}

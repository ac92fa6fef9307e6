import { useTranslation } from 'react-i18next';

type Subject = 'notShown' | 'scores' | 'arm' | 'consortArms';

/**
 * Says that something is absent because the viewer is blinded (R-BLIND-2): the same neutral words
 * whatever the arm, and only where the access policy hides something from every blinded viewer,
 * so the note itself tells nothing about a participant.
 */
export function BlindedNote({ subject = 'notShown', sections }: { subject?: Subject; sections?: string[] }) {
  const { t } = useTranslation();
  const text =
    sections && sections.length > 0
      ? t('blinding.sections', { sections: sections.join(', ') })
      : t(`blinding.${subject}`);
  return (
    <p className="muted blinded-note" role="note">
      {text}
    </p>
  );
}

import { useTranslation } from 'react-i18next';
import { armByCode, localized } from '../forms/study';

/** The arm's code and its label from the study definition. Never rendered for assessors. */
export function ArmLabel({ code }: { code: string }) {
  const { i18n } = useTranslation();
  const arm = armByCode(code);
  return (
    <span className="arm">
      <span className="badge badge-arm">{code}</span> {arm ? localized(arm.label, i18n.language) : null}
    </span>
  );
}

import type { Site } from '@mini-edc/domain';
import { useId } from 'react';
import { type Control, type FieldPath, type FieldValues, useController } from 'react-hook-form';
import { FieldMessage } from '../components/field';

interface SiteCheckboxesProps<T extends FieldValues> {
  control: Control<T>;
  name: FieldPath<T>;
  legend: string;
  sites: readonly Site[];
}

/** One checkbox per site inside a labelled fieldset; the value is the array of chosen site ids. */
export function SiteCheckboxes<T extends FieldValues>({
  control,
  name,
  legend,
  sites,
}: SiteCheckboxesProps<T>) {
  const id = useId();
  const { field, fieldState } = useController({ control, name });
  const chosen: string[] = Array.isArray(field.value) ? field.value : [];
  const errorId = fieldState.error?.message ? `${id}-error` : undefined;

  const toggle = (siteId: string, checked: boolean) => {
    const next = checked ? [...chosen, siteId] : chosen.filter((s) => s !== siteId);
    field.onChange(next);
  };

  return (
    <fieldset className="field checkbox-group" aria-describedby={errorId}>
      <legend>{legend}</legend>
      <div className="checkbox-list">
        {sites.map((site, index) => (
          <div key={site.id} className="checkbox">
            <input
              id={`${id}-${site.id}`}
              type="checkbox"
              name={field.name}
              value={site.id}
              checked={chosen.includes(site.id)}
              onChange={(event) => toggle(site.id, event.target.checked)}
              onBlur={field.onBlur}
              ref={index === 0 ? field.ref : undefined}
              aria-invalid={errorId ? true : undefined}
            />
            <label htmlFor={`${id}-${site.id}`}>
              <strong>{site.code}</strong> {site.name}
            </label>
          </div>
        ))}
      </div>
      <FieldMessage id={errorId} error={fieldState.error} />
    </fieldset>
  );
}

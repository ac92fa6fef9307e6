import type { FormDefinition, RecordMode } from '@mini-edc/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { vi } from 'vitest';
import { type FormFacts, type StudyFormValues, studyFormResolver } from '../../src/forms/form-resolver';
import { toFormValues } from '../../src/forms/form-values';
import { i18n } from '../../src/i18n';

interface HarnessOptions {
  data?: Record<string, unknown>;
  mode?: RecordMode;
  /** The participant's milestones and the visit's role the record's rules compare with. */
  facts?: FormFacts;
  /** Called when the resolver accepts the form on submit. */
  onValid?: () => void;
}

interface HarnessProps extends HarnessOptions {
  form: FormDefinition;
  children: ReactNode;
}

function StudyFormHarness({ form, data = {}, mode = 'complete', facts, onValid, children }: HarnessProps) {
  const methods = useForm<StudyFormValues>({
    defaultValues: { data: toFormValues(form, data, i18n.language), reason: '' },
    resolver: studyFormResolver(
      form,
      () => mode,
      () => false,
      () => facts,
    ),
  });
  return (
    <FormProvider {...methods}>
      <form noValidate onSubmit={methods.handleSubmit(() => onValid?.())}>
        {children}
        <button type="submit">submit</button>
      </form>
    </FormProvider>
  );
}

/**
 * A component of a study form inside the react-hook-form context the form page gives it, checked
 * by the same resolver (the domain's validateFormData with the study definition).
 */
export function renderInStudyForm(form: FormDefinition, children: ReactNode, options: HarnessOptions = {}) {
  // The ODI sections ask the API for the licensed statements; here none are loaded (404), so the
  // sections show their scores alone, as before an admin loads them. setup.ts unstubs fetch.
  vi.stubGlobal(
    'fetch',
    async () => new Response(JSON.stringify({ error: { code: 'NOT_FOUND' } }), { status: 404 }),
  );
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return {
    user: userEvent.setup(),
    ...render(
      <QueryClientProvider client={client}>
        <StudyFormHarness form={form} {...options}>
          {children}
        </StudyFormHarness>
      </QueryClientProvider>,
    ),
  };
}

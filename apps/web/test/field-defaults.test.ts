import { lbpTrial } from '@mini-edc/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultsFor } from '../src/forms/field-defaults';
import { formDefinition, setStudy } from '../src/forms/study';

const base = { seq: 1, userName: 'Ayşe', lastDoneVisit: undefined };

describe('proposed values of a new ODI record', () => {
  beforeAll(() => setStudy(lbpTrial, 'Europe/Istanbul'));

  it('propose no version for a first ODI, whatever the interface language', () => {
    const odi = formDefinition('odi');
    expect(defaultsFor(odi, { ...base, language: 'tr' }).odi_version).toBe('');
    expect(defaultsFor(odi, { ...base, language: 'en' }).odi_version).toBe('');
  });

  it("propose the version of the participant's previous ODI, not the interface language's", () => {
    const odi = formDefinition('odi');
    const previousData = { odi_version: '2.1a-en', q1: 2 };
    expect(defaultsFor(odi, { ...base, language: 'tr', previousData }).odi_version).toBe('2.1a-en');
  });
});

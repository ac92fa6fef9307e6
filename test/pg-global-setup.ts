import type { TestProject } from 'vitest/node';
import { createPgTemplate, dropPgDatabase } from '../packages/db/src/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

/** Migrates one template database per run; each test file clones it and drops its clone. */
export default async function setup(project: TestProject) {
  const template = await createPgTemplate();
  project.provide('pgTemplate', template);
  return async () => {
    await dropPgDatabase(template);
  };
}

import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { apiFetch, forgetInlinedAnswers } from '../../src/api/client';

// A signed-in page opens with some answers written into index.html by the server
// (apps/api/src/plugins/inline-answers.ts): the app uses each once, parsed with its contract like
// any answer, and asks the server for everything else.
const status = z.object({ open: z.boolean() });

function servedAnswers(answers: Record<string, unknown>) {
  const block = document.createElement('script');
  block.type = 'application/json';
  block.id = 'edc-answers';
  block.textContent = JSON.stringify(answers);
  document.head.append(block);
}

function server() {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    asked.push(String(input));
    return new Response(JSON.stringify({ open: false }), { headers: { 'content-type': 'application/json' } });
  });
  return asked;
}

describe('answers written into the page', () => {
  it('are used once, checked by the contract, refusals as refusals, and the next request goes to the server', async () => {
    servedAnswers({
      '/api/v1/study/status': { status: 200, body: { open: true } },
      '/api/v1/participants': { status: 200, body: [{ wrong: 'shape' }] },
      '/api/v1/participants/p1': {
        status: 404,
        body: {
          error: {
            code: 'NOT_FOUND',
            message: 'Participant not found',
            messageCode: 'PARTICIPANT_NOT_FOUND',
            params: {},
          },
        },
      },
      '/api/v1/instruments/odi/statements': { status: 200, body: { open: true } },
    });
    const asked = server();
    await expect(apiFetch('/study/status', { schema: status })).resolves.toEqual({ open: true });
    expect(asked).toEqual([]);
    expect(document.getElementById('edc-answers')).toBeNull();
    await expect(apiFetch('/study/status', { schema: status })).resolves.toEqual({ open: false });
    expect(asked).toEqual(['/api/v1/study/status']);
    // An answer that breaks its contract fails as loudly as a fetched one.
    await expect(apiFetch('/participants', { schema: z.array(status) })).rejects.toThrow();
    // A refusal written in is the refusal a fetch would have met, and is not asked again.
    await expect(apiFetch('/participants/p1', { schema: status })).rejects.toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
    });
    expect(asked).toEqual(['/api/v1/study/status']);
    // After the first navigation, what the opened page did not use is asked for again.
    forgetInlinedAnswers();
    await expect(apiFetch('/instruments/odi/statements', { schema: status })).resolves.toEqual({
      open: false,
    });
    expect(asked).toEqual(['/api/v1/study/status', '/api/v1/instruments/odi/statements']);
  });
});

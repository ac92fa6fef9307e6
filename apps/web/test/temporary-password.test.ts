import { newPasswordSchema } from '@mini-edc/domain';
import { describe, expect, it } from 'vitest';
import { generateTemporaryPassword } from '../src/admin/temporary-password';

describe('generateTemporaryPassword', () => {
  it('always satisfies the contract for new passwords', () => {
    for (let i = 0; i < 500; i++) {
      expect(newPasswordSchema.safeParse(generateTemporaryPassword()).success).toBe(true);
    }
  });

  it('avoids characters that are easy to misread', () => {
    const sample = Array.from({ length: 200 }, () => generateTemporaryPassword()).join('');
    expect(sample).not.toMatch(/[0O1lI]/);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutralizeCsvText, restoreCsvText } from '../src/export/csv-safety';

/** docs/security.md, control 5: formula cells marked as text, numbers untouched, reversible. */
describe('CSV formula neutralisation', () => {
  it.each(['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', "'=x", "''@y"])(
    'marks %j as text',
    (text) => {
      expect(neutralizeCsvText(text)).toBe(`'${text}`);
    },
  );

  it.each(['-16', '+5', '-0.5', '.5', '12', 'S01-0001', 'plain text', '', "'quoted", '2025-06-11'])(
    'leaves %j as it is',
    (text) => {
      expect(neutralizeCsvText(text)).toBe(text);
    },
  );

  it('takes an apostrophe away only where it would have put one', () => {
    expect(restoreCsvText("'=1+1")).toBe('=1+1');
    expect(restoreCsvText("''=x")).toBe("'=x");
    // A number is never marked, so an apostrophe before one is part of the text.
    expect(restoreCsvText("'-16")).toBe("'-16");
    expect(restoreCsvText("'abc")).toBe("'abc");
  });

  it('gives back exactly the stored text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', 'a', '1', '.') }),
        (text) => {
          const cell = neutralizeCsvText(text);
          expect(restoreCsvText(cell)).toBe(text);
          expect(/^[=+\-@\t\r]/.test(cell) && !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cell)).toBe(false);
        },
      ),
    );
  });
});

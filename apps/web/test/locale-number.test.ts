import { describe, expect, it } from 'vitest';
import { formatLocaleNumber, parseLocaleNumber } from '../src/forms/locale-number';

describe('numbers typed in the interface language', () => {
  it('reads the decimal separator of the language', () => {
    expect(parseLocaleNumber('80,5', 'tr')).toBe(80.5);
    expect(parseLocaleNumber('80.5', 'en')).toBe(80.5);
    expect(parseLocaleNumber(' 172 ', 'tr')).toBe(172);
    expect(parseLocaleNumber('-3', 'en')).toBe(-3);
  });

  it('never reads the other separator as grouping (80,5 is never 805)', () => {
    expect(parseLocaleNumber('80,5', 'en')).toBeNaN();
    expect(parseLocaleNumber('80.5', 'tr')).toBeNaN();
    expect(parseLocaleNumber('1.500', 'tr')).toBeNaN();
    expect(parseLocaleNumber('1,500', 'en')).toBeNaN();
    expect(parseLocaleNumber('12a', 'en')).toBeNaN();
  });

  it('shows a stored number with the separator of the language', () => {
    expect(formatLocaleNumber(80.5, 'tr')).toBe('80,5');
    expect(formatLocaleNumber(80.5, 'en')).toBe('80.5');
    expect(parseLocaleNumber(formatLocaleNumber(172.25, 'tr'), 'tr')).toBe(172.25);
  });
});

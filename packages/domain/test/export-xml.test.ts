import { describe, expect, it } from 'vitest';
import { odmOid } from '../src/export/oids';
import { escapeXml, renderXml, x, xsDateTime } from '../src/export/xml';

describe('renderXml', () => {
  it('leaves out null and undefined attributes', () => {
    expect(renderXml(x('a', { b: null, c: undefined, d: 0 }))).toBe('<a d="0"/>\n');
  });

  it('keeps one text child on the line, puts element children and mixed text on their own lines', () => {
    expect(renderXml(x('a', {}, 't'))).toBe('<a>t</a>\n');
    expect(renderXml(x('a', {}, x('b')))).toBe('<a>\n  <b/>\n</a>\n');
    expect(renderXml(x('a', {}, 'one & two', x('b', {}, 'c'), null, false), 1)).toBe(
      '  <a>\n    one &amp; two\n    <b>c</b>\n  </a>\n',
    );
  });
});

describe('escapeXml', () => {
  it('replaces characters XML cannot carry by U+FFFD', () => {
    expect(escapeXml('a\u0001b\uD800c')).toBe('a\uFFFDb\uFFFDc');
    expect(escapeXml('tab\there\r')).toBe('tab\there&#13;');
  });
});

describe('xsDateTime', () => {
  it("takes PostgreSQL's text form and surrounding spaces", () => {
    expect(xsDateTime(' 2025-06-01 10:00:00.123+0200 ')).toBe('2025-06-01T10:00:00.123+02:00');
    expect(xsDateTime('2025-06-01T10:00:00Z')).toBe('2025-06-01T10:00:00Z');
    expect(xsDateTime('-2025-06-01T10:00:00Z')).toBe('-2025-06-01T10:00:00Z');
  });

  it('throws, naming the value, for anything else', () => {
    expect(() => xsDateTime('soon')).toThrow('not an ISO 8601 date-time: "soon"');
    // Only a date at the very start is PostgreSQL's form: a five-digit year with a space is not.
    expect(() => xsDateTime('12025-06-01 10:00:00Z')).toThrow(RangeError);
  });
});

describe('ODM ids', () => {
  it('keep the case of an id, replace other characters by _, and never come out empty', () => {
    expect(odmOid.user('u-Admin 1/x')).toBe('U.u-Admin_1_x');
    expect(odmOid.user('')).toBe('U._');
    expect(odmOid.location('S01')).toBe('LOC.S01');
  });
});

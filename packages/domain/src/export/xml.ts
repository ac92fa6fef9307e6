/**
 * A minimal XML writer: a node tree and an escaping serializer. Enough for ODM, with no
 * dependency, and pure so the API can stream the pieces it returns.
 */

export type XmlAttrs = Record<string, string | number | null | undefined>;
export interface XmlNode {
  name: string;
  attrs: XmlAttrs;
  children: (XmlNode | string)[];
}

export function x(
  name: string,
  attrs: XmlAttrs = {},
  ...children: (XmlNode | string | null | false)[]
): XmlNode {
  return { name, attrs, children: children.filter((c): c is XmlNode | string => c !== null && c !== false) };
}

// Characters XML 1.0 forbids outright (§2.2 Char): C0 controls other than tab/LF/CR, lone
// surrogates, U+FFFE/U+FFFF. They cannot even be escaped, so they become U+FFFD.
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

const TEXT_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};
// In attributes a raw tab or line break would be normalized to a space by every parser (XML 1.0
// §3.3.3), so they are written as character references to survive the round trip.
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '\t': '&#9;', '\n': '&#10;' };

/** Escapes text content: & < > " ' (and CR), after replacing characters XML cannot carry. */
export function escapeXml(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"'\r]/g, (c) => TEXT_ESCAPES[c] ?? c);
}

export function escapeXmlAttr(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"'\r\t\n]/g, (c) => ATTR_ESCAPES[c] ?? c);
}

function renderAttrs(attrs: XmlAttrs): string {
  let out = '';
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined) continue;
    out += ` ${k}="${escapeXmlAttr(String(v))}"`;
  }
  return out;
}

/** Serializes with two-space indentation; an element holding only text stays on one line. */
export function renderXml(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth);
  const open = `${pad}<${node.name}${renderAttrs(node.attrs)}`;
  if (node.children.length === 0) return `${open}/>\n`;
  const [only] = node.children;
  if (node.children.length === 1 && typeof only === 'string') {
    return `${open}>${escapeXml(only)}</${node.name}>\n`;
  }
  const inner = node.children
    .map((c) => (typeof c === 'string' ? `${pad}  ${escapeXml(c)}\n` : renderXml(c, depth + 1)))
    .join('');
  return `${open}>\n${inner}${pad}</${node.name}>\n`;
}

/** An opening tag only, for the containers (ODM, ClinicalData) the API streams into. */
export function openTag(name: string, attrs: XmlAttrs, depth = 0): string {
  return `${'  '.repeat(depth)}<${name}${renderAttrs(attrs)}>\n`;
}

const XS_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * An ISO instant as xs:dateTime. Accepts PostgreSQL's text form too ("2025-06-01 10:00:00.123+00"),
 * so a row the API forgot to convert still validates; anything else throws rather than write an
 * invalid file.
 */
export function xsDateTime(s: string): string {
  const t = s
    .trim()
    .replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T')
    .replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
    .replace(/([+-]\d{2})$/, '$1:00');
  if (!XS_DATETIME.test(t)) throw new RangeError(`not an ISO 8601 date-time: ${JSON.stringify(s)}`);
  return t;
}

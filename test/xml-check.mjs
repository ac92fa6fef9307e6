// XML checks for the tests, in-process: well-formedness and XSD validation by libxml2 compiled to
// WebAssembly (the npm package libxml2-wasm), so no system xmllint is needed and the checks always
// run. The CDISC ODM 1.3.2 schema is read where it lies beside the repository, never copied into it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlLibError, XsdValidator } from 'libxml2-wasm';
import { xmlRegisterFsInputProviders } from 'libxml2-wasm/lib/nodejs.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const odmSchemaName = 'ODM1-3-2.xsd';

// xs:include and xs:import of the schema set are read from the file system (no network).
xmlRegisterFsInputProviders();

function git(args) {
  try {
    return execFileSync('git', ['-C', repoRoot, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return '';
  }
}

/**
 * The folders that may hold cdisc-odm-1.3.2/: `shared/` beside this checkout (CI's layout), beside
 * the main checkout when this is a git worktree, and beside the repository this one was cloned
 * from when that is a local folder (`git clone /path/to/mini-edc /tmp/x`).
 */
function sharedCandidates() {
  const candidates = [join(repoRoot, '..', 'shared')];
  const commonDir = git(['rev-parse', '--path-format=absolute', '--git-common-dir']);
  if (commonDir) candidates.push(join(dirname(commonDir), '..', 'shared'));
  const origin = git(['config', '--get', 'remote.origin.url']).replace(/^file:\/\//, '');
  if (origin && isAbsolute(origin)) candidates.push(join(origin, '..', 'shared'));
  return [...new Set(candidates.map((dir) => resolve(dir, 'cdisc-odm-1.3.2')))];
}

/**
 * The ODM 1.3.2 XSD: ODM_SCHEMA_DIR when set, otherwise the first schema found beside the
 * repository. Throws, naming every place looked at, when there is none: the validation never
 * quietly stops running.
 */
export function odmSchemaPath() {
  const fromEnv = process.env.ODM_SCHEMA_DIR;
  const dirs = fromEnv ? [resolve(fromEnv)] : sharedCandidates();
  const found = dirs.map((dir) => join(dir, odmSchemaName)).find((path) => existsSync(path));
  if (!found) {
    throw new Error(
      `No ${odmSchemaName} in ${dirs.join(' or ')}: set ODM_SCHEMA_DIR to the folder of the CDISC ODM 1.3.2 schema.`,
    );
  }
  return found;
}

function messages(error) {
  if (error instanceof XmlLibError && error.details.length > 0) {
    return error.details.map((d) => `${d.line}:${d.col} ${d.message.trim()}`);
  }
  return [String(error instanceof Error ? error.message : error).trim()];
}

/** Parses the document; `ok` is false with libxml2's messages when it is not well-formed XML. */
export function checkWellFormed(xml) {
  try {
    XmlDocument.fromString(xml).dispose();
    return { ok: true, errors: [] };
  } catch (error) {
    return { ok: false, errors: messages(error) };
  }
}

const validators = new Map();

/** Validates the document against the XSD at `xsdPath` (parsed once per path). */
export function validateAgainst(xsdPath, xml) {
  let validator = validators.get(xsdPath);
  if (!validator) {
    // The parsed schema document stays alive with its validator (libxml2's schema may point into
    // it); both live as long as the process.
    const schema = XmlDocument.fromBuffer(readFileSync(xsdPath), { url: xsdPath });
    validator = XsdValidator.fromDoc(schema);
    validators.set(xsdPath, validator);
  }
  let doc;
  try {
    doc = XmlDocument.fromString(xml);
    validator.validate(doc);
    return { ok: true, errors: [] };
  } catch (error) {
    return { ok: false, errors: messages(error) };
  } finally {
    doc?.dispose();
  }
}

/** Validates the document against the CDISC ODM 1.3.2 schema (see odmSchemaPath). */
export function validateOdm(xml) {
  return validateAgainst(odmSchemaPath(), xml);
}

// Run directly: `node test/xml-check.mjs file.xml...` validates each against the ODM schema.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let failed = false;
  for (const file of process.argv.slice(2)) {
    const result = validateOdm(readFileSync(file, 'utf8'));
    console.log(result.ok ? `${file} validates` : `${file} fails to validate\n${result.errors.join('\n')}`);
    failed ||= !result.ok;
  }
  process.exit(failed ? 1 : 0);
}

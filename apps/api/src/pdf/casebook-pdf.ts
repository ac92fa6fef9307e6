import { type CasebookModel, type FormField, type StudyDefinition, visitLabelOf } from '@mini-edc/domain';
import { casebookAuditLabels } from './casebook-audit-labels';
import { type CasebookText, casebookTexts, fill } from './casebook-text';
import { ensureRoom, factTable, heading, newPdf, type Pdf, paragraph, table } from './pdf-document';

export interface CasebookMeta {
  language: 'en' | 'tr';
  generatedAt: Date;
  generatedBy: string;
  contentSha256: string;
}

/** "2026-03-01T09:30:00.123Z" (or a PostgreSQL JSON timestamp) → "2026-03-01 09:30 UTC". */
function when(value: string | null, none: string): string {
  if (!value) return none;
  const d = new Date(value);
  if (Number.isNaN(d.getTime()) || /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function valueText(field: FormField | undefined, value: unknown, lang: 'en' | 'tr', t: CasebookText): string {
  if (value === null || value === undefined || value === '') return t.none;
  const one = (v: unknown) => {
    const option = field?.allowedValues?.find((o) => o.code === v);
    if (option) return option.label[lang];
    if (v === true || v === 'yes') return t.yes;
    if (v === false || v === 'no') return t.no;
    if (field?.type === 'datetime' && typeof v === 'string') return when(v, t.none);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };
  if (Array.isArray(value)) return value.length === 0 ? t.none : value.map(one).join(', ');
  const text = one(value);
  return field?.unit && typeof value === 'number' ? `${text} ${field.unit}` : text;
}

function label(study: StudyDefinition, lang: 'en' | 'tr') {
  const visit = (code: string) => visitLabelOf(study, code)?.[lang] ?? code;
  const form = (code: string) => study.forms.find((f) => f.code === code);
  const anyField = (name: string) => {
    for (const f of study.forms) {
      const found = f.fields.find((x) => x.name === name);
      if (found) return found;
    }
    return undefined;
  };
  return { visit, form, anyField };
}

function changesText(
  changes: Record<string, unknown>,
  lang: 'en' | 'tr',
  t: CasebookText,
  anyField: (name: string) => FormField | undefined,
): string {
  return Object.entries(changes)
    .map(([key, pair]) => {
      const column = casebookAuditLabels[lang].columns[key] ?? key;
      if (!Array.isArray(pair) || pair.length !== 2) {
        return `${column}: ${typeof pair === 'string' ? pair : JSON.stringify(pair)}`;
      }
      const field = key.startsWith('data.') ? anyField(key.slice(5)) : undefined;
      const name = field ? field.label[lang] : column;
      return `${name}: ${valueText(field, pair[0], lang, t)} → ${valueText(field, pair[1], lang, t)}`;
    })
    .join('\n');
}

/** "created participant", "changed form": row changes by kind of row; events by their own name. */
function auditActionText(action: string, tableName: string, lang: 'en' | 'tr'): string {
  const words = casebookAuditLabels[lang];
  const what = words.actions[action] ?? action;
  if (!['INSERT', 'UPDATE', 'DELETE'].includes(action)) return what;
  const table = words.tables[tableName] ?? tableName;
  return lang === 'tr' ? `${table} ${what}` : `${what} ${table}`;
}

/**
 * Renders a casebook (docs/closeout.md) into a pdfkit document, ended: the caller streams it.
 * The cover states study, site, participant, definition version, times and the content SHA-256.
 */
export function casebookPdf(study: StudyDefinition, m: CasebookModel, meta: CasebookMeta): Pdf {
  const lang = meta.language;
  const t = casebookTexts[lang];
  const l = label(study, lang);
  const status = (s: string) => t.statuses[s] ?? s;
  const doc = newPdf({
    title: `${t.title} ${m.participant.studyId}`,
    subject: `${m.study.nctId} · ${m.site.code} · ${m.asOf}`,
    createdAt: meta.generatedAt,
    lang,
  });

  heading(doc, `${t.title} — ${m.participant.studyId}`, 22);
  doc.moveDown(1);
  factTable(doc, [
    [t.cover.study, `${m.study.nctId} — ${m.study.name}`],
    [t.cover.site, `${m.site.code} — ${m.site.name}`],
    [t.cover.participant, m.participant.studyId],
    [t.cover.definitionVersion, m.definitionVersion],
    [t.cover.asOf, when(m.asOf, t.none)],
    [t.cover.generatedAt, when(meta.generatedAt.toISOString(), t.none)],
    [t.cover.generatedBy, meta.generatedBy],
    [t.cover.contentSha256, meta.contentSha256],
  ]);
  doc.moveDown(1);
  paragraph(doc, t.cover.hashNote, { size: 8, color: '#444444' });

  const head = fill(t.runningHead, { studyId: m.participant.studyId, asOf: when(m.asOf, t.none) });
  doc.on('pageAdded', () => {
    doc
      .font('body')
      .fontSize(7)
      .fillColor('#555555')
      .text(head, doc.page.margins.left, 25)
      .fillColor('black');
    doc.fontSize(10).y = doc.page.margins.top;
  });
  doc.addPage();

  heading(doc, t.participantSection);
  const arm = m.allocation ? study.arms.find((a) => a.code === m.allocation?.arm) : undefined;
  factTable(doc, [
    [t.status, status(m.participant.status)],
    [t.screenedAt, m.participant.screenedAt ?? t.none],
    [t.consentDate, m.participant.consentDate ?? t.none],
    [t.randomizedAt, when(m.participant.randomizedAt, t.none)],
    [
      t.allocation,
      m.allocation
        ? `${arm?.label[lang] ?? m.allocation.arm} (${fill(t.allocationSlot, { stratum: m.allocation.stratum, seq: m.allocation.seq })})`
        : t.notRandomized,
    ],
  ]);

  if (m.visits.length > 0) {
    heading(doc, t.visitsSection);
    const cols = [0.2, 0.14, 0.22, 0.12, 0.14, 0.18];
    table(
      doc,
      t.visitColumns.map((header, i) => ({ header, width: cols[i] ?? 0.1 })),
      m.visits.map((v) => [
        l.visit(v.visitCode),
        v.targetDate ?? t.none,
        `${v.windowStart ?? ''} – ${v.windowEnd ?? ''}`,
        status(v.status),
        v.visitDate ?? t.none,
        v.note ?? '',
      ]),
    );
  }

  heading(doc, t.formsSection);
  if (m.records.length === 0) paragraph(doc, t.noForms);
  for (const r of m.records) {
    const form = l.form(r.formCode);
    const title = `${l.visit(r.visitCode)} — ${form?.label[lang] ?? r.formCode}${r.seq > 1 ? ` #${r.seq}` : ''}`;
    ensureRoom(doc, 80);
    heading(doc, title, 11);
    paragraph(
      doc,
      fill(t.recordLine, {
        status: status(r.status),
        version: r.version,
        updatedAt: when(r.updatedAt, t.none),
      }),
      { size: 8, color: '#444444' },
    );
    const fields = form?.fields ?? [];
    const names = [
      ...fields.map((f) => f.name),
      ...Object.keys(r.data).filter((k) => !fields.some((f) => f.name === k)),
    ];
    table(
      doc,
      t.fieldColumns.map((header, i) => ({ header, width: i === 0 ? 0.45 : 0.55 })),
      names
        .filter((n) => n in r.data)
        .map((n) => {
          const field = fields.find((f) => f.name === n);
          return [field?.label[lang] ?? n, valueText(field, r.data[n], lang, t)];
        }),
    );
    if (r.signatures.length > 0) {
      paragraph(doc, t.signatures, { size: 9 });
      for (const s of r.signatures) {
        const line = fill(t.signatureLine, {
          signer: s.signerName,
          meaning: s.meaning,
          signedAt: when(s.signedAt, t.none),
          version: s.recordVersion,
        });
        const voided = s.voidedAt
          ? ` · ${fill(t.voided, { at: when(s.voidedAt, t.none), reason: s.voidReason ?? '' })}`
          : '';
        paragraph(doc, `• ${line}${voided}`, { size: 8 });
      }
    }
    if (r.queries.length > 0) {
      paragraph(doc, t.queries, { size: 9 });
      for (const q of r.queries) {
        const field = fields.find((f) => f.name === q.field);
        paragraph(
          doc,
          fill(t.queryLine, {
            field: field?.label[lang] ?? q.field,
            status: status(q.status),
            openedAt: when(q.openedAt, t.none),
          }),
          { size: 8 },
        );
        for (const msg of q.messages) {
          const who = t.roles[msg.authorRole] ?? msg.authorRole;
          paragraph(
            doc,
            `   ${when(msg.createdAt, t.none)} · ${who} · ${t.messageKinds[msg.kind] ?? msg.kind}: ${msg.message}`,
            {
              size: 8,
            },
          );
        }
      }
    }
    doc.moveDown(0.5);
  }

  heading(doc, t.auditSection);
  const widths = [0.15, 0.17, 0.13, 0.4, 0.15];
  table(
    doc,
    t.auditColumns.map((header, i) => ({ header, width: widths[i] ?? 0.1 })),
    m.auditTrail.map((a) => [
      when(a.occurredAt, t.none).replace(' UTC', ''),
      `${a.actorLabel ?? t.none} (${t.roles[a.actorRole] ?? a.actorRole})`,
      auditActionText(a.action, a.tableName, lang),
      changesText(a.changes, lang, t, l.anyField),
      a.reason ?? '',
    ]),
    7,
  );
  doc.end();
  return doc;
}

export const exportsEn = {
  title: 'Data exports',
  intro:
    'Files for the statistician, from the data at your sites. Each download is recorded in the audit trail and described by a manifest (who, when, row counts, SHA-256 of the file, audit chain heads).',
  site: 'Site',
  allSites: 'All my sites',
  download: 'Download',
  progress: 'Downloading… {{size}} received',
  progressLabel: 'Download in progress',
  done: '{{file}} downloaded ({{size}}).',
  rows: 'Rows',
  check: 'File checked against the manifest',
  matches: 'SHA-256 matches',
  differs: 'SHA-256 differs: download again',
  auditHead: 'Audit chain heads digest',
  manifest: 'Download the manifest (JSON)',
  formats: {
    wide_csv: {
      name: 'Wide CSV',
      about: 'One row per participant; columns per visit and field (vas_mm_m1, odi_pct_m3).',
    },
    long_csv: {
      name: 'Long CSV',
      about: 'One row per participant × visit × form × field, with record status and version.',
    },
    dictionary_csv: {
      name: 'Data dictionary (CSV)',
      about: 'Every variable of the wide file: label, type, unit, allowed values, visit.',
    },
    dictionary_md: { name: 'Data dictionary (Markdown)', about: 'The same dictionary as a readable table.' },
    odm_xml: {
      name: 'CDISC ODM 1.3.2 (XML)',
      about: 'Metadata and clinical data with an audit record for every value.',
    },
  },
};

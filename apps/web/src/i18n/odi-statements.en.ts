/** English text of the ODI statements screen (protocol §3.4). */
export const odiStatementsEn = {
  title: 'ODI statements',
  intro:
    "The ODI statement texts are licensed (Mapi Research Trust) and are not part of the software. Load your study's licensed English and Turkish texts here: the ODI form then shows each section's six statements as its answers. Without them it shows the section titles and the scores 0–5.",
  format:
    'A CSV file with the columns section (1–10), index (0–5, the score), language (en or tr) and text, or a JSON array of the same fields. Each language in the file must have all 60 statements; a language not in the file keeps what it had.',
  file: 'Statements file (CSV or JSON)',
  load: 'Load statements',
  loading: 'Loading…',
  loaded: 'Statements loaded: {{languages}}.',
  current: 'In force',
  none: 'No statements are loaded: the ODI form shows the scores 0–5.',
  languageLoaded: '{{language}}: 10 sections × 6 statements',
  languageMissing: '{{language}}: not loaded',
  loadedAt: 'Last loaded {{at}}',
  notJson: 'This is not valid JSON: {{detail}}',
};

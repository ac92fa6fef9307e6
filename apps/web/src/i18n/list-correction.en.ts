/** The correction of a randomization list in use (R-RAND-5): preview, reason and password. */
export const listCorrectionEn = {
  replacesActive:
    'While a list is in use, a new list is a correction: its slots are appended after the remaining ones of each stratum, nothing restarts, and a reason and your password are needed. Past allocations stay as they are.',
  previewTitle: 'What this changes',
  previewLoading: 'Working out what this changes…',
  previewButton: 'Preview the change',
  previewAtLeast: 'At least: a generated list keeps its last block whole.',
  previewStratum: 'Stratum',
  previewUsed: 'Assigned',
  previewRemaining: 'Still free',
  previewToAppend: 'Slots added',
  previewFirstSeq: 'First new number',
  previewNewStratum: 'new stratum',
  uncovered: 'Sites without a stratum in the list in use: {{strata}}.',
  onlyUncovered: 'Extend the list only for these sites',
  correctionReason: 'Reason for the correction',
  correctionPassword: 'Your password',
  correctionPasswordHint: 'A correction of the list in use is signed with your password.',
};

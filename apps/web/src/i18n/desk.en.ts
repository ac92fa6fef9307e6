import { amendmentsEn } from './amendments.en';
import { auditWordsEn } from './audit-words.en';
import { closeoutEn } from './closeout.en';
import { exportsEn } from './exports.en';
import { odiStatementsEn } from './odi-statements.en';

/**
 * English text only the desk screens use (administration, study definition, ODI statements,
 * exports, close-out, audit trail): its own chunk, loaded with the first of those screens
 * (src/i18n/index.ts, `withDeskText`), so a bedside page never downloads it
 * (docs/architecture.md, "Web delivery"). desk.tr.ts has exactly the same keys.
 */
export const deskEn = {
  admin: {
    actions: 'Actions',
    created: 'Created',
    reason: 'Reason for the change',
    reasonHint: 'Recorded in the audit trail with your name and the time.',
    backups: {
      title: 'Backups',
      none: 'No backup in {{folder}} yet.',
      latest: 'Last backup: {{time}}, {{size}}, {{folder}}.',
      verified: 'Verified: restored into a scratch database as its manifest says.',
      failed: 'Verification FAILED ({{checks}}): do not rely on it.',
      overdue: 'No verified backup in the last {{hours}} hours. Schedule npm run backup.',
      // The restore checks a manifest names (docs/backup.md "What a restore checks").
      checks: {
        sha256: 'file SHA-256',
        format: 'file format',
        'row counts': 'row counts',
        'audit chain': 'audit chain',
        'audit chain heads': 'audit chain heads',
        'scratch restore': 'restore into a scratch database',
      },
    },
    sites: {
      title: 'Sites',
      intro:
        'Trial sites. A site code never changes once participants are enrolled; the name can be corrected.',
      addTitle: 'Add a site',
      code: 'Site code',
      codeHint: 'A capital letter and two digits, e.g. S03.',
      name: 'Site name',
      add: 'Add site',
      adding: 'Adding…',
      added: 'Site {{code}} was added.',
      rename: 'Rename',
      renameLabel: 'New name for site {{code}}',
      renamed: 'Site {{code}} was renamed.',
      empty: 'No sites yet.',
    },
    users: {
      title: 'Users',
      intro:
        'Accounts are never deleted: deactivate them instead. Every change is kept in the audit trail with its reason.',
      newUser: 'New user',
      createTitle: 'Create a user',
      email: 'Email',
      displayName: 'Full name',
      role: 'Role',
      chooseRole: 'Choose a role…',
      sites: 'Sites',
      temporaryPassword: 'Temporary password',
      temporaryPasswordHint:
        'At least {{min}} characters and hard to guess. The user must replace it at first sign-in. Pass it on through a separate channel.',
      generate: 'Generate',
      create: 'Create user',
      creating: 'Creating…',
      createdNotice: '{{name}} was created. They will be asked to change the password at first sign-in.',
      handOverTitle: 'Temporary password for {{name}}',
      handOverHint:
        'Give it to them in person. It is not shown again once you hide it; they change it at first sign-in.',
      handOverDismiss: 'I have handed it over — hide it',
      name: 'Name',
      status: 'Status',
      active: 'Active',
      deactivated: 'Deactivated',
      locked: 'Locked',
      mustChange: 'Must change password',
      edit: 'Edit',
      deactivate: 'Deactivate',
      reactivate: 'Reactivate',
      resetPassword: 'Reset password',
      unlock: 'Unlock',
      editTitle: 'Edit {{name}}',
      nothingChanged: 'Nothing has been changed.',
      updated: '{{name}} was updated.',
      deactivateTitle: 'Deactivate {{name}}',
      deactivateIntro:
        'The user will no longer be able to sign in. Their records and audit history are kept.',
      reactivateTitle: 'Reactivate {{name}}',
      reactivateIntro: 'The user will be able to sign in again with their current password.',
      deactivatedNotice: '{{name}} was deactivated.',
      reactivatedNotice: '{{name}} was reactivated.',
      resetTitle: 'Reset the password of {{name}}',
      resetIntro: 'The current password stops working. The user must choose a new one at next sign-in.',
      resetNotice: 'A temporary password was set for {{name}}.',
      unlockedNotice: '{{name}} was unlocked.',
      empty: 'No users yet.',
    },
  },
  auditWords: auditWordsEn,
  exports: exportsEn,
  closeout: closeoutEn,
  amendments: amendmentsEn,
  odiStatements: odiStatementsEn,
};

export type DeskTranslation = typeof deskEn;

import { capabilities } from './capabilities';
import { capabilityDescriptions } from './capability-descriptions';
import { capabilityGrants } from './policy';

/**
 * docs/capabilities.md, generated from the policy so it cannot drift
 * (`node scripts/capabilities-doc.mjs` writes it; a test fails when it is stale).
 */
export function capabilityTableMarkdown(): string {
  const grants = capabilityGrants();
  const lines = [
    '# Capabilities',
    '',
    '<!-- Generated from packages/domain/src/access by `node scripts/capabilities-doc.mjs`; do not edit. -->',
    '',
    'Every access question is asked by capability (docs/architecture.md, "Access and blinding").',
    'A role not listed, or a capability a role does not hold, is denied. "after release" means the',
    'role gets it only once the study has released the allocation to blinded roles (after lock).',
    '',
    `| Capability | What it allows | ${grants.map((g) => g.role).join(' | ')} |`,
    `|---|---|${grants.map(() => ':-:|').join('')}`,
  ];
  for (const c of capabilities) {
    const cells = grants.map((g) => {
      if (g.holds.includes(c)) return 'yes';
      return g.blinded.includes(c) ? 'after release' : '';
    });
    lines.push(`| \`${c}\` | ${capabilityDescriptions[c]} | ${cells.join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

import fs from 'node:fs';
import path from 'node:path';
import { loadGuideDefinition } from '../../src/guide/load-definition';
import { repoRoot } from '../../src/paths';
import { loadKnowledgeBase } from '../../src/qna';

const contentMap = fs.readFileSync(path.join(repoRoot, 'docs', 'content-map.md'), 'utf8');
const mentioned = (id: string): boolean => contentMap.includes(`\`${id}\``);

describe('docs/content-map.md', () => {
  it('maps every advice rule and every knowledge-base entry, with their sources', () => {
    const guide = loadGuideDefinition();
    const kb = loadKnowledgeBase();
    const ids = [
      ...guide.advice.flatMap((r) => [r.id, ...r.sources]),
      ...kb.entries.flatMap((e) => [e.id, ...e.sources]),
    ];
    expect([...new Set(ids)].filter((id) => !mentioned(id))).toEqual([]);
  });

  it("lists Brugbot's own additions apart, including every own suggestion", () => {
    const own = contentMap.slice(contentMap.indexOf("## Brugbot's own additions"));
    expect(own.length).toBeGreaterThan(100);
    const suggestions = loadGuideDefinition().advice.filter((r) => r.kind === 'suggestion');
    expect(suggestions.filter((r) => !own.includes(`\`${r.id}\``)).map((r) => r.id)).toEqual([]);
    for (const id of ['operatingBudget', 'selectionCommittee', 'tenderAgreements']) {
      expect(own).toContain(`\`${id}\``);
    }
  });
});

import { translator } from '../../src/i18n';
import { documentInput } from '../../src/export';
import { buildDocument, documentsOf } from '../../src/presentation';
import { realGuide, T0 } from '../helpers/plans';
import { textsOf } from './document-text';
import { ZELE, zelePlan } from './zele-plan';

const nl = translator('nl');
const EXTERNAL = {
  ...ZELE,
  employer: 'external',
  targetGroupTrust: 'low',
  tenderPartner: 'Uit De Marge',
  tenderRequirements: 'expertise,intervision,independence',
  tenderAgreements:
    'Driemaandelijks een verslag aan de steungroep en een jaarverslag aan het college.',
};

function docsOf(answers: Record<string, string>) {
  const input = documentInput(realGuide(), zelePlan(answers), 'nl', T0);
  const ids = documentsOf(input.ctx);
  const text = (id: (typeof ids)[number]) =>
    textsOf(buildDocument(id, input))
      .map((x) => x.text)
      .join('\n');
  return { ids, text };
}

describe('the step-4 document follows the choice between own hire and tender', () => {
  it('own hire: a vacancy with the service, the mandate and the selection committee', () => {
    const { ids, text } = docsOf(ZELE);
    expect(ids).toContain('vacancy');
    expect(ids).not.toContain('tender');
    expect(text('vacancy')).toContain('de dienst Vrije Tijd');
    expect(text('vacancy')).toContain(ZELE.mandate);
    expect(text('vacancy')).toContain(ZELE.selectionCommittee);
    expect(text('collegeNote')).toContain(
      nl('documents:note.decision.own', { service: 'de dienst Vrije Tijd' }),
    );
  });

  it("tender: the assignment with the instrument's framing and the chosen requirements", () => {
    const { ids, text } = docsOf(EXTERNAL);
    expect(ids).toContain('tender');
    expect(ids).not.toContain('vacancy');
    const tender = text('tender');
    for (const r of ['expertise', 'intervision', 'independence'])
      expect(tender).toContain(nl(`guide:questions.tenderRequirements.choices.${r}`));
    expect(tender).toContain(EXTERNAL.tenderAgreements);
    expect(tender).toContain(nl('documents:tender.framing', { cite: '[' }).slice(0, 40));
    // The partner in mind goes in the note to the college, not in the tender itself.
    expect(tender).not.toContain('Uit De Marge');
    expect(text('collegeNote')).toContain('Uit De Marge');
    expect(text('collegeNote')).toContain(
      nl('documents:note.argument.trust.low', { cite: '' }).slice(0, 40),
    );
  });

  it('not decided: both, and the note says the choice is still open', () => {
    const { ids, text } = docsOf({ ...ZELE, employer: '' });
    expect(ids).toEqual(expect.arrayContaining(['vacancy', 'tender']));
    const open = nl('documents:open.decide', { what: nl('documents:open.what.employer') });
    expect(text('collegeNote')).toContain(open);
    expect(text('vacancy')).toContain(
      nl('documents:open.decide', { what: nl('documents:open.what.hostService') }),
    );
  });
});

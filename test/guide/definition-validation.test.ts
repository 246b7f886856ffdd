import fs from 'node:fs';
import path from 'node:path';
import { parseGuideDefinition, GuideDefinitionError } from '../../src/guide';
import { paths } from '../../src/paths';

const valid = () =>
  JSON.parse(fs.readFileSync(path.join(paths.content, 'guide', 'guide.json'), 'utf8'));

describe('a broken guide definition', () => {
  it('is refused with a message naming the bad question', () => {
    const def = valid();
    def.steps[2].parts[3].questions[0].type = 'slider';
    expect(() => parseGuideDefinition(def)).toThrow(GuideDefinitionError);
    expect(() => parseGuideDefinition(def)).toThrow(/"workingTime"/);
  });

  it('is refused when a condition refers to a question or choice that does not exist', () => {
    const def = valid();
    def.advice[0].when = { q: 'noSuchQuestion', op: 'answered' };
    expect(() => parseGuideDefinition(def)).toThrow(/unknown question "noSuchQuestion"/);
    const def2 = valid();
    def2.advice.push({
      id: 'bogus',
      step: 3,
      kind: 'source',
      severity: 'tip',
      sources: ['s3Strategies'],
      when: { q: 'strategies', op: 'includesAny', values: ['flying'] },
    });
    expect(() => parseGuideDefinition(def2)).toThrow(/"flying" is not a choice of "strategies"/);
  });

  it('is refused when an item cites an unknown source or repeats an id', () => {
    const def = valid();
    def.steps[0].parts[0].questions[0].source = 'nowhere';
    def.steps[1].parts[0].questions[0].id = def.steps[0].parts[0].questions[1].id;
    expect(() => parseGuideDefinition(def)).toThrow(/unknown source "nowhere"[\s\S]*duplicate id/);
  });

  it("is refused when Brugbot's own suggestion cites the instrument", () => {
    const def = valid();
    def.advice.push({
      id: 'bogus',
      step: 3,
      kind: 'suggestion',
      severity: 'tip',
      sources: ['s3Strategies'],
      when: { q: 'strategies', op: 'answered' },
    });
    expect(() => parseGuideDefinition(def)).toThrow(/must not cite the instrument/);
  });

  it('accepts the shipped definition', () => {
    expect(parseGuideDefinition(valid()).steps).toHaveLength(6);
  });
});

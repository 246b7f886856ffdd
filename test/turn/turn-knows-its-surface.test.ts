import { testTurn } from '../helpers/turn';

const COPILOT = { type: 'ProductInfo', id: 'COPILOT' };
const teamsChat = {
  channelId: 'msteams',
  conversation: { id: 'a:1', conversationType: 'personal' },
};

describe('the turn knows where the person is, from the activity alone', () => {
  it.each([
    ['Web Chat', { channelId: 'webchat' }, 'webChat'],
    ['the emulator', { channelId: 'emulator' }, 'webChat'],
    ['a Teams personal chat', teamsChat, 'teamsChat'],
    [
      'a Teams group chat',
      {
        channelId: 'msteams',
        conversation: { id: '19:g', conversationType: 'groupChat', isGroup: true },
      },
      'teamsChat',
    ],
    [
      'a Teams channel',
      {
        channelId: 'msteams',
        conversation: { id: '19:c;messageid=1', conversationType: 'channel', isGroup: true },
      },
      'teamsChannel',
    ],
    ['Copilot', { ...teamsChat, entities: [COPILOT] }, 'copilot'],
    [
      'Copilot, spelled in lower case',
      { ...teamsChat, entities: [{ type: 'ProductInfo', id: 'copilot' }] },
      'copilot',
    ],
    ["the Agents SDK's sub-channel id", { ...teamsChat, channelId: 'msteams:COPILOT' }, 'copilot'],
    [
      'a ProductInfo of another product',
      { ...teamsChat, entities: [{ type: 'ProductInfo', id: 'OUTLOOK' }] },
      'teamsChat',
    ],
    [
      'a malformed ProductInfo',
      { ...teamsChat, entities: [{ type: 'ProductInfo', id: 42 }] },
      'teamsChat',
    ],
    ['Copilot entities on Web Chat', { channelId: 'webchat', entities: [COPILOT] }, 'webChat'],
  ] as const)('%s', (_where, activity, surface) => {
    expect(testTurn(activity as never).turn.surface).toBe(surface);
  });

  it('keeps a Copilot plan apart from a Teams plan of the same conversation id', () => {
    const teams = testTurn(teamsChat).turn;
    const copilot = testTurn({ ...teamsChat, entities: [COPILOT] }).turn;
    expect(copilot.planKey).not.toBe(teams.planKey);
    expect(copilot.planKey).toBe('plan/msteams:COPILOT/a:1');
    // The person's language preference is the same in Teams and Copilot.
    expect(copilot.channelId).toBe(teams.channelId);
  });

  it('marks replies into Copilot with its ProductInfo, once, and nothing elsewhere', async () => {
    const copilot = testTurn({ ...teamsChat, entities: [COPILOT] });
    await copilot.turn.send('hallo', { type: 'message', text: 'x', entities: [COPILOT] });
    expect(copilot.sent.map((a) => a.entities)).toEqual([[COPILOT], [COPILOT]]);
    const teams = testTurn(teamsChat);
    await teams.turn.send('hallo');
    expect(teams.sent[0]!.entities).toBeUndefined();
  });
});

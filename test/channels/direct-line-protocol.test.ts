import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { submitActions } from '../helpers/card-walker';
import {
  cardOf,
  eventually,
  isCard,
  seenStatuses,
  useLocalChannel,
  type Activity,
  type Session,
} from './direct-line-client';

const isStepCard = (a: Activity) =>
  isCard(a) &&
  submitActions(cardOf(a)).some(
    (s) => (s.data as { verb?: string } | undefined)?.verb === 'guide.submit',
  );

describe('the local Direct Line channel', () => {
  const dl = useLocalChannel();

  it('starts a conversation and delivers the welcome card and the first step by polling and over the WebSocket', async () => {
    const generated = await dl.client.request('POST', '/tokens/generate', {
      body: { locale: 'nl-BE' },
    });
    expect(generated.status).toBe(200);
    expect(generated.json).toEqual({
      conversationId: expect.any(String),
      token: expect.any(String),
      expires_in: 3600,
    });
    const started = await dl.client.request('POST', '/conversations', {
      token: String(generated.json.token),
      body: { user: {} },
    });
    expect(started.status).toBe(201);
    const session = started.json as unknown as Session;
    expect(session.conversationId).toBe(generated.json.conversationId);
    expect(session.streamUrl).toMatch(
      new RegExp(
        `^ws://127\\.0\\.0\\.1:\\d+/v3/directline/conversations/${session.conversationId}/stream\\?`,
      ),
    );
    expect(session.streamUrl).not.toContain(session.token);
    const stream = await dl.client.stream(session.streamUrl);

    const welcome = await dl.client.pollUntil(session, (as) => as.some(isCard));
    const welcomeCard = welcome.activities.find(isCard)!;
    expect(welcomeCard.from).toEqual({ id: 'brugbot', name: 'Brugbot', role: 'bot' });
    expect(welcomeCard).not.toHaveProperty('replyToId'); // it answers a conversationUpdate the client never sees
    await eventually(() => stream.activities().find((a) => a.id === welcomeCard.id));

    const posted = await dl.client.post(session, {
      type: 'message',
      text: 'start',
      locale: 'nl-BE',
      channelData: { clientActivityID: 'c-1' },
    });
    expect(posted.status).toBe(200);
    const id = String(posted.json.id);
    const echo = await eventually(() => stream.activities().find((a) => a.id === id));
    expect(echo).toMatchObject({
      type: 'message',
      text: 'start',
      channelData: { clientActivityID: 'c-1' },
      from: { role: 'user' },
    });
    expect(String((echo.from as { id: string }).id)).toMatch(/^dl_/);

    const step = await eventually(() => stream.activities().find(isStepCard));
    expect(step.replyToId).toBe(id);
    const polled = await dl.client.pollUntil(
      session,
      (as) => as.some(isStepCard),
      welcome.watermark,
    );
    expect(polled.activities.map((a) => a.id)).toEqual(expect.arrayContaining([id, step.id]));

    // Starting again with the same token describes the conversation instead of making a new one.
    const again = await dl.client.request('POST', '/conversations', {
      token: session.token,
      body: {},
    });
    expect(again.status).toBe(200);
    expect(again.json.conversationId).toBe(session.conversationId);
  });

  it('resumes a conversation: reconnecting replays it from the watermark, and a stream URL works once', async () => {
    const session = await dl.client.start();
    await dl.client.pollUntil(session, (as) => as.some(isCard));
    const path = `/conversations/${session.conversationId}`;

    const reconnect = await dl.client.request('GET', `${path}?watermark=`, {
      token: session.token,
    });
    expect(reconnect.status).toBe(200);
    expect(reconnect.json).toMatchObject({
      conversationId: session.conversationId,
      token: session.token,
    });
    const replay = await dl.client.stream(String(reconnect.json.streamUrl));
    await eventually(() => replay.activities().find(isCard));

    expect(await dl.client.streamStatus(String(reconnect.json.streamUrl))).toBe(403);
    expect(
      await dl.client.streamStatus(
        session.streamUrl.replace(/t=[^&]+/, 't=forged-ticket-forged-ticket'),
      ),
    ).toBe(403);
    expect(
      await dl.client.streamStatus(
        session.streamUrl.replace(session.conversationId, 'nobody-here'),
      ),
    ).toBe(404);

    const refreshed = await dl.client.request('POST', '/tokens/refresh', { token: session.token });
    expect(refreshed.status).toBe(200);
    expect(refreshed.json.token).not.toBe(session.token);
    expect(
      (await dl.client.poll({ ...session, token: String(refreshed.json.token) })).activities.length,
    ).toBeGreaterThan(0);
  });

  it('lets the bot update and delete an activity through the Connector API; the update keeps the id', async () => {
    const session = await dl.client.start();
    const first = await dl.client.pollUntil(session, (as) => as.some(isCard));
    const welcome = first.activities.find(isCard)!;
    const stream = await dl.client.stream(
      String(
        (
          await dl.client.request(
            'GET',
            `/conversations/${session.conversationId}?watermark=${first.watermark}`,
            { token: session.token },
          )
        ).json.streamUrl,
      ),
    );

    // The same client class and credentials the bot's CloudAdapter uses in local mode.
    const connector = new ConnectorClient(MicrosoftAppCredentials.Empty, {
      baseUri: `${dl.bot.url}/`,
    });
    const updated = { type: 'message', text: 'Deze kaart is bijgewerkt.', attachments: [] };
    await connector.conversations.updateActivity(session.conversationId, welcome.id, {
      ...updated,
      id: welcome.id,
    });

    const pushed = await eventually(() => stream.activities().find((a) => a.id === welcome.id));
    expect(pushed).toMatchObject({
      text: 'Deze kaart is bijgewerkt.',
      timestamp: welcome.timestamp,
      from: { role: 'bot' },
    });
    const polled = await dl.client.poll(session, first.watermark);
    expect(polled.activities.map((a) => [a.id, a.text])).toEqual([
      [welcome.id, 'Deze kaart is bijgewerkt.'],
    ]);
    const history = (await dl.client.poll(session)).activities.filter((a) => a.id === welcome.id);
    expect(history).toHaveLength(1);

    await expect(
      connector.conversations.updateActivity(
        session.conversationId,
        'no-such-id',
        updated as never,
      ),
    ).rejects.toMatchObject({ statusCode: 404 });
    seenStatuses.push(404);
    await connector.conversations.deleteActivity(session.conversationId, welcome.id);
    expect((await dl.client.poll(session)).activities.some((a) => a.id === welcome.id)).toBe(false);

    const created = await connector.conversations.createConversation({
      isGroup: false,
      bot: { id: 'brugbot', name: 'Brugbot' },
      members: [],
      activity: { type: 'message', text: 'Hallo' },
    } as never);
    expect(created).toMatchObject({ id: expect.any(String), activityId: expect.any(String) });
  });
});

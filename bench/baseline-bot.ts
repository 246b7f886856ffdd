/**
 * The floor for any Bot Framework bot on this machine: restify + CloudAdapter without
 * authentication, echoing each message back through the Connector API. No storage, no cards,
 * no validation of our own, so whatever Brugbot costs beyond this is Brugbot's own work.
 * Run as a child process by the bench; it reports its URL over IPC like brugbot-process.
 */
import restify from 'restify';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Response,
} from 'botbuilder';
import { serveBenchControl } from './child-control';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      // A card press has no text; echo its size so both kinds of message get a reply.
      const text =
        context.activity.text ??
        `value of ${JSON.stringify(context.activity.value ?? null).length} chars`;
      await context.sendActivity(`echo: ${text}`);
      await next();
    });
  }
}

// An empty app id turns authentication off, as Brugbot's local mode does.
const auth = new ConfigurationBotFrameworkAuthentication({
  MicrosoftAppId: '',
  MicrosoftAppPassword: '',
  MicrosoftAppType: 'MultiTenant',
});
const adapter = new CloudAdapter(auth);
const bot = new EchoBot();

const server = restify.createServer({ name: 'baseline' });
server.use(restify.plugins.bodyParser({ mapParams: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res as unknown as Response, (context) => bot.run(context));
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  serveBenchControl(`http://127.0.0.1:${port}`, async () => {
    server.server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

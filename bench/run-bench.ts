/**
 * `npm run bench`: Brugbot against a bare Bot Framework echo bot, measured in the same run on
 * loopback only, every loop bounded in count and time. Prints a table and writes bench/results.json.
 * Set BENCH_CPU_PROF=1 to also write a CPU profile of the Brugbot process that served the guide turns.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BenchConnector } from './bench-connector';
import { BotChild } from './bot-child';
import {
  largestCard,
  storedStateOf,
  worstCasePlanBytes,
  type LargestCard,
  type StateSizes,
} from './card-sizes';
import { coldStart, type ColdStartFigures } from './cold-start';
import { runComputeOnce, type ComputeOnceFigures } from './compute-once';
import { runFirstCard, type FirstCardFigures } from './first-card';
import { runGroupBaseline, runGroupBrugbot, type GroupFigures } from './group-contention';
import { runGuideTurns, type GuideTurnFigures } from './guide-turns';
import { runLongHistory, type LongHistoryFigures } from './long-history';
import { runMemoryGrowth, type MemoryFigures } from './memory-growth';
import { runQnaBench, type QnaFigures } from './qna-bench';
import { table } from './report';
import { runSteeringNote, steeringEnv, type SteeringNoteFigures } from './steering-note';
import { runSummaryRender, type SummaryRenderFigures } from './summary-render';

/** The whole `npm run bench` must stay under 5 minutes, the TypeScript build (~10 s) included. */
const TOTAL_BUDGET_MS = 250_000;
const MEMORY_TARGET = 2_000;

export interface BenchResults {
  date: string;
  machine: {
    cpu: string;
    cores: number;
    memoryGiB: number;
    node: string;
    os: string;
    loadAvgStart: number[];
    loadAvgEnd: number[];
  };
  secondsPerSection: Record<string, number>;
  guideTurns: GuideTurnFigures;
  group: { brugbot: GroupFigures; baseline: GroupFigures };
  qna: { real: QnaFigures; synthetic: QnaFigures[] };
  coldStart: { brugbot: ColdStartFigures; baseline: ColdStartFigures };
  sizes: {
    largestCard: LargestCard;
    largestCardSeenBytes: number;
    worstCasePlanBytes: number;
    walkedPlan: StateSizes;
  };
  memory: MemoryFigures;
  steeringNote: SteeringNoteFigures;
  summaryRender: SummaryRenderFigures;
  computeOnce: ComputeOnceFigures;
  longHistory: LongHistoryFigures;
  firstCard: FirstCardFigures;
}

const started = performance.now();
const seconds: Record<string, number> = {};
async function section<T>(name: string, run: () => Promise<T> | T): Promise<T> {
  const t0 = performance.now();
  process.stderr.write(`bench: ${name}…\n`);
  const result = await run();
  seconds[name] = Math.round((performance.now() - t0) / 100) / 10;
  return result;
}

async function main(): Promise<void> {
  const loadAvgStart = os.loadavg();
  if (loadAvgStart[0]! > os.cpus().length) {
    process.stderr.write(
      `bench: load average ${loadAvgStart[0]!.toFixed(1)} on ${os.cpus().length} cores: figures will be noisy\n`,
    );
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-bench-'));
  let n = 0;
  // Local mode (no app id) and loopback-only key URLs: nothing in the run can leave the machine.
  const brugEnv = (): Record<string, string> => ({
    STORAGE: 'sqlite',
    SQLITE_PATH: path.join(tmp, `brugbot-${++n}.sqlite`),
    PORT: '0',
    HOST: '127.0.0.1',
    MicrosoftAppId: '',
    // The default level: one access-log line per activity is part of a production turn.
    LOG_LEVEL: 'info',
    BOTFRAMEWORK_OPENID_METADATA_URL: 'http://127.0.0.1:9/openid',
    TAB_SSO_JWKS_URL: 'http://127.0.0.1:9/keys',
    // The per-conversation flood limit (40 at once) would refuse the group scenario's walk plus
    // burst of 20; it stays in the path, just never triggered.
    RATE_LIMIT_BURST: '1000',
  });
  const logFile = () => path.join(tmp, `brugbot-${n}.log`);
  const connector = new BenchConnector();
  await connector.start();
  const children: BotChild[] = [];
  let finished = false;
  try {
    const qna = await section('quick questions', runQnaBench);
    const summaryRender = await section('summary render', runSummaryRender);
    const computeOnce = await section('compute once per card submission', runComputeOnce);
    const longHistory = await section('long history', () => runLongHistory(2000));
    const sized = await section('card sizes', () => ({
      largestCard: largestCard(),
      worstCasePlanBytes: worstCasePlanBytes(),
    }));
    const cold = await section('cold start', async () => ({
      baseline: await coldStart('baseline', connector, () => ({})),
      brugbot: await coldStart('brugbot', connector, brugEnv, logFile),
    }));

    const env = brugEnv();
    const sqlitePath = env.SQLITE_PATH!;
    const profile = process.env.BENCH_CPU_PROF
      ? ['--cpu-prof', `--cpu-prof-dir=${path.join(os.tmpdir(), 'brugbot-profiles')}`]
      : [];
    const brugbot = await BotChild.start('brugbot', { env, nodeArgs: profile, logFile: logFile() });
    const baseline = await BotChild.start('baseline');
    children.push(brugbot, baseline);
    const guideTurns = await section('guide turns', () =>
      runGuideTurns(brugbot, baseline, connector),
    );
    const group = await section('group contention', async () => ({
      brugbot: await runGroupBrugbot(brugbot, connector, sqlitePath),
      baseline: await runGroupBaseline(baseline, connector),
    }));
    const walkedPlan = await storedStateOf(sqlitePath, guideTurns.sampleConversationId);
    await Promise.all(children.splice(0).map((c) => c.stop()));
    if (profile.length)
      process.stderr.write(`bench: CPU profile in ${path.join(os.tmpdir(), 'brugbot-profiles')}\n`);

    const steeringBot = await BotChild.start('brugbot', {
      env: { ...brugEnv(), ...steeringEnv(connector.url) },
      logFile: logFile(),
    });
    children.push(steeringBot);
    const steeringNote = await section('steering note', () =>
      runSteeringNote(steeringBot, connector),
    );
    await Promise.all(children.splice(0).map((c) => c.stop()));

    const pageBot = await BotChild.start('brugbot', { env: brugEnv(), logFile: logFile() });
    children.push(pageBot);
    const firstCard = await section('first card in Chromium', () => runFirstCard(pageBot));
    await Promise.all(children.splice(0).map((c) => c.stop()));

    const memBot = await BotChild.start('brugbot', { env: brugEnv(), logFile: logFile() });
    children.push(memBot);
    const budget = Math.max(20_000, TOTAL_BUDGET_MS - (performance.now() - started) - 5_000);
    const memory = await section('memory', () =>
      runMemoryGrowth(memBot, connector, MEMORY_TARGET, budget),
    );

    const results: BenchResults = {
      date: new Date().toISOString(),
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        node: process.version,
        os: `${os.type()} ${os.release()}`,
        loadAvgStart,
        loadAvgEnd: os.loadavg(),
      },
      secondsPerSection: seconds,
      guideTurns,
      group,
      qna,
      coldStart: cold,
      sizes: { ...sized, largestCardSeenBytes: connector.largestCardBytes, walkedPlan },
      memory,
      steeringNote,
      summaryRender,
      computeOnce,
      longHistory,
      firstCard,
    };
    fs.writeFileSync(
      path.join(__dirname, '..', '..', 'bench', 'results.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    const m = results.machine;
    process.stdout.write(
      `\nBrugbot bench, ${results.date}: ${m.cores} × ${m.cpu}, ${m.memoryGiB} GiB, Node ${m.node}, load ${m.loadAvgStart.map((l) => l.toFixed(1)).join('/')}\n\n`,
    );
    process.stdout.write(`${table(results)}\n`);
    process.stdout.write(
      `total ${((performance.now() - started) / 1000).toFixed(0)} s; bench/results.json written\n`,
    );
    finished = true;
  } finally {
    await Promise.all(children.map((c) => c.stop()));
    await connector.stop();
    // After a failure the bots' logs (and SQLite files) are what explains it: keep them.
    if (finished) fs.rmSync(tmp, { recursive: true, force: true });
    else process.stderr.write(`bench: bot logs and databases kept in ${tmp}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});

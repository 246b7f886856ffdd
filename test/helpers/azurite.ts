import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface AzuriteBlob {
  /** Connection string for the well-known development account on this instance. */
  connectionString: string;
  port: number;
  stop(): Promise<void>;
}

// Azurite's published development account; not a secret.
const ACCOUNT = 'devstoreaccount1';
const ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const BIN = path.resolve(__dirname, '../../node_modules/.bin/azurite-blob');
const LISTENING = /successfully listens on http:\/\/127\.0\.0\.1:(\d+)/;

/**
 * Starts a throwaway Azurite blob service on a free loopback port, in memory only.
 *
 * Port 0 lets the OS pick the port and Azurite prints the one it got, so parallel test files
 * never race for a port. Telemetry is off (tests must not call home).
 */
export async function startAzurite({ timeoutMs = 20_000 } = {}): Promise<AzuriteBlob> {
  // Its own working folder, so nothing Azurite might write lands in the repository.
  const workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'brugbot-azurite-'));
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--blobHost',
      '127.0.0.1',
      '--blobPort',
      '0',
      '--inMemoryPersistence',
      '--extentMemoryLimit',
      '256',
      '--loose',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      '--silent',
    ],
    { cwd: workdir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // A crashed test run must not leave an emulator behind.
  const killOnExit = (): void => void child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = async (): Promise<void> => {
    process.removeListener('exit', killOnExit);
    await terminate(child);
    fs.rmSync(workdir, { recursive: true, force: true });
  };

  try {
    const port = await waitForPort(child, timeoutMs);
    const connectionString =
      `DefaultEndpointsProtocol=http;AccountName=${ACCOUNT};AccountKey=${ACCOUNT_KEY};` +
      `BlobEndpoint=http://127.0.0.1:${port}/${ACCOUNT};`;
    return { connectionString, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForPort(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`Azurite did not start within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        cleanup();
        resolve(Number(match[1]));
      }
    };
    const onExit = (code: number | null): void =>
      fail(new Error(`Azurite exited (code ${code}) before listening:\n${output.slice(-2000)}`));
    const fail = (error: Error): void => {
      cleanup();
      reject(error);
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining, or a full pipe would eventually stall the emulator.
      child.stdout?.resume();
      child.stderr?.resume();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

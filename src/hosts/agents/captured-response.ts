import type { WebResponse } from '@microsoft/agents-hosting';
import type { ProcessResult } from '../../turn';

/**
 * The response object `CloudAdapter.process` writes to, kept in memory: Brugbot's own server
 * owns the real HTTP response, so the adapter's answer is read back as a ProcessResult.
 */
export class CapturedResponse implements WebResponse {
  private statusCode = 200;
  private body: unknown;
  headersSent = false;
  writableEnded = false;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(): this {
    return this;
  }

  send(body?: unknown): this {
    this.body = body;
    return this;
  }

  end(): this {
    this.writableEnded = true;
    return this;
  }

  get result(): ProcessResult {
    return this.body === undefined
      ? { status: this.statusCode }
      : { status: this.statusCode, body: this.body };
  }
}

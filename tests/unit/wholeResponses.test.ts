import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendResponsesWhole, WHOLE_RESPONSE_LIMIT_BYTES } from '@/lib/http/wholeResponses';

let server: Server;
let port = 0;
/** What each handler's write callbacks saw, by address. */
const callbacks = new Map<string, number>();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Answers like Next's streaming paths do: headers flushed first, the body in parts, each at its own moment. */
const handlers: Record<string, (request: IncomingMessage, response: ServerResponse) => Promise<void>> = {
  async '/streamed'(_request, response) {
    response.setHeader('Content-Type', 'text/x-component');
    response.flushHeaders();
    response.write('first part, ');
    await pause(20);
    response.write(Buffer.from('second part, '));
    await pause(20);
    response.end('last part');
  },
  async '/encodings'(_request, response) {
    response.write('c3a96c6974652c20', 'hex');
    response.write('caf\u00e9, ', 'latin1', () => callbacks.set('/encodings', (callbacks.get('/encodings') ?? 0) + 1));
    response.end('na\u00efve', 'utf8', () => callbacks.set('/encodings', (callbacks.get('/encodings') ?? 0) + 1));
  },
  // The instance dies between two parts of the response.
  async '/dies'(_request, response) {
    response.flushHeaders();
    response.write('a part that must not arrive alone');
    await pause(20);
    response.socket?.destroy();
  },
  async '/large'(_request, response) {
    const part = Buffer.alloc(1024 * 1024, 'x');
    for (let sent = 0; sent <= WHOLE_RESPONSE_LIMIT_BYTES; sent += part.byteLength) {
      if (!response.write(part)) await new Promise((resolve) => response.once('drain', resolve));
    }
    response.end();
  },
  // An error strikes mid-page and the server answers with its error page instead.
  async '/abandoned'(_request, response) {
    response.flushHeaders();
    response.write('<p>half a page');
    response.statusCode = 500;
    response.end('Internal Server Error');
  },
  async '/empty'(_request, response) {
    response.flushHeaders();
    response.end();
  },
};

beforeAll(async () => {
  sendResponsesWhole();
  sendResponsesWhole(); // a second call must not wrap twice
  server = createServer((request, response) => {
    const handler = handlers[new URL(request.url ?? '/', 'http://x').pathname];
    if (handler) void handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  port = address.port;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** One request on a raw connection: every byte that arrived, and when each piece did. */
function rawRequest(path: string, method = 'GET'): Promise<{ text: string; pieces: number }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (data) => received.push(data));
    socket.on('error', reject);
    socket.on('close', () => resolve({ text: Buffer.concat(received).toString('latin1'), pieces: received.length }));
    socket.write(`${method} ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  });
}

describe('responses leave the server in one piece', () => {
  it('a response written in parts arrives whole, with its length and without chunked encoding', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/streamed`);
    expect(response.headers.get('content-length')).toBe(String('first part, second part, last part'.length));
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(response.headers.get('content-type')).toBe('text/x-component');
    expect(await response.text()).toBe('first part, second part, last part');
  });

  it('headers and body arrive together, not the headers first', async () => {
    const { text, pieces } = await rawRequest('/streamed');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text.endsWith('\r\n\r\nfirst part, second part, last part')).toBe(true);
    expect(pieces).toBe(1);
  });

  it('a server that dies before the response is finished has sent nothing, so a proxy can ask another', async () => {
    const { text } = await rawRequest('/dies');
    expect(text).toBe('');
  });

  it('keeps what was written in any encoding, and calls write and end callbacks', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/encodings`);
    const expected = Buffer.concat([Buffer.from('élite, '), Buffer.from('café, ', 'latin1'), Buffer.from('naïve')]);
    expect(Buffer.from(await response.arrayBuffer()).equals(expected)).toBe(true);
    await pause(10);
    expect(callbacks.get('/encodings')).toBe(2);
  });

  it('a response abandoned for an error page sends only the error page', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/abandoned`);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('Internal Server Error');
  });

  it('an empty response says so', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/empty`);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await response.text()).toBe('');
  });

  it('a response over the limit streams as written and arrives intact', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/large`);
    expect(response.headers.get('content-length')).toBeNull();
    const body = await response.arrayBuffer();
    expect(body.byteLength).toBeGreaterThan(WHOLE_RESPONSE_LIMIT_BYTES);
    expect(body.byteLength % (1024 * 1024)).toBe(0);
  });

  it('a HEAD request is answered as before, headers only', async () => {
    const { text } = await rawRequest('/streamed', 'HEAD');
    expect(text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(text.endsWith('\r\n\r\n')).toBe(true);
  });
});

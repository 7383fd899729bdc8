import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { UNMATCHED_PATH } from '@/lib/http/notFoundShell';
import { sendResponsesWhole, WHOLE_RESPONSE_LIMIT_BYTES } from '@/lib/http/wholeResponses';

let server: Server;
let port = 0;
/** What each handler's write callbacks saw, by address. */
const callbacks = new Map<string, number>();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SHELL = '<!DOCTYPE html><html id="__next_error__"><head></head><body><div hidden=""></div><script>self.__next_f.push([1,"We couldn’t find that story"])</script></body></html>';
const NOT_FOUND_PAGE = '<!DOCTYPE html><html lang="en-GB"><head><title>Page not found</title></head><body><main><h1>We couldn’t find that story</h1></main></body></html>';

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
  // Next's answers for an address no route matches, and for a page that calls notFound().
  async [UNMATCHED_PATH](_request, response) {
    response.statusCode = 404;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(NOT_FOUND_PAGE);
  },
  async '/article/unknown'(_request, response) {
    response.statusCode = 404;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(SHELL));
    response.end(SHELL);
  },
  // As Next sends a cached one through its compression for a reader that takes no gzip: the
  // headers, with the document's length, composed before the body is ended.
  async '/section/unknown'(_request, response) {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Length', Buffer.byteLength(SHELL));
    response.writeHead(404);
    response.end(SHELL);
  },
  async '/topic/unknown'(_request, response) {
    response.statusCode = 404;
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.write(SHELL.slice(0, 40));
    await pause(10);
    response.end(SHELL.slice(40));
  },
  // Compressed as Next compresses for a browser: headers composed, then the gzip stream.
  async '/author/unknown'(_request, response) {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.setHeader('Content-Encoding', 'gzip');
    response.writeHead(404);
    response.write(gzipSync(SHELL));
    response.end();
  },
  async '/story-about-next'(_request, response) {
    response.setHeader('Content-Type', 'text/html; charset=utf-8');
    response.end(SHELL);
  },
  async '/plain-404'(_request, response) {
    response.statusCode = 404;
    response.setHeader('Content-Type', 'text/plain');
    response.end('<html id="__next_error__"> as text');
  },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const handler = handlers[new URL(request.url ?? '/', 'http://x').pathname];
    if (handler) void handler(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  port = address.port;
  sendResponsesWhole({ notFoundPageFrom: `http://127.0.0.1:${port}` });
  sendResponsesWhole(); // a second call must not wrap twice
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

describe("Next's empty not-found document", () => {
  for (const [how, path] of [
    ['written in one end', '/article/unknown'],
    ['written in parts', '/topic/unknown'],
    ['with its headers and length composed first', '/section/unknown'],
    ['compressed with gzip', '/author/unknown'],
  ]) {
    it(`${how}, is replaced by the server-rendered not-found page, still a 404`, async () => {
      const response = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toBe(NOT_FOUND_PAGE);
      if (!response.headers.get('content-encoding')) expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(NOT_FOUND_PAGE)));
    });
  }

  it('is replaced only in an HTML 404: a page or a text 404 that mention it are sent as they are', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/story-about-next`)).text()).toBe(SHELL);
    expect(await (await fetch(`http://127.0.0.1:${port}/plain-404`)).text()).toBe('<html id="__next_error__"> as text');
  });
});

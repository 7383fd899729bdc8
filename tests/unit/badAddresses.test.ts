import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerBadAddressesWith400, BAD_ADDRESS_MESSAGE, hasUndecodablePath } from '@/lib/http/badAddresses';

let server: Server;
let base = '';

beforeAll(async () => {
  answerBadAddressesWith400();
  // Answers as Next's router does when it cannot decode an address, and with a real failure.
  server = createServer((_request, response) => {
    response.statusCode = 500;
    response.end('Internal Server Error');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('addresses whose percent-escapes are not UTF-8', () => {
  it('are told so with a 400 that no cache keeps, not a 500', async () => {
    for (const path of ['/article/%C0%AF', '/topic/%E4%B8', '/%FF?q=1']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(400);
      expect(response.headers.get('cache-control'), path).toContain('no-store');
      expect(await response.text(), path).toBe(BAD_ADDRESS_MESSAGE);
    }
  });

  it('leave every other 500 alone', async () => {
    for (const path of ['/fails', '/article/caf%C3%A9', '/search?q=%C0']) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(500);
      expect(await response.text(), path).toBe('Internal Server Error');
    }
  });

  it('are recognised by their path alone', () => {
    expect(hasUndecodablePath('/article/%C0%AF')).toBe(true);
    expect(hasUndecodablePath('/article/%e4%b8%80')).toBe(false);
    expect(hasUndecodablePath('/search?q=%C0%AF')).toBe(false);
    expect(hasUndecodablePath(undefined)).toBe(false);
  });
});

/** Types for pageCacheHandler.mjs: Next's `FileSystemCache`, as far as the tests use it. */
export default class PageCache {
  constructor(context: object);
  set(key: string, data: unknown, context: unknown): Promise<void>;
  get(key: string, context: unknown): Promise<unknown>;
}

import path from 'node:path';
import { env } from '../config/env';

export type ContentLocation = {
  /** Error lines name files relative to this folder. */
  projectRoot: string;
  contentDir: string;
  publicDir: string;
};

/**
 * Where `content/` and `public/` are: the project root, unless `BROADSHEET_CONTENT_ROOT` names
 * another folder holding both (the browser tests build the hostile fixture site this way).
 */
export function defaultLocation(projectRoot = process.cwd()): ContentLocation {
  const root = path.resolve(projectRoot, env.BROADSHEET_CONTENT_ROOT);
  return {
    projectRoot: root,
    contentDir: path.join(root, 'content'),
    publicDir: path.join(root, 'public'),
  };
}

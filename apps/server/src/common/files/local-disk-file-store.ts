import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { FileStore } from './file-store.js';

const KEY = /^[a-z0-9][a-z0-9-]{7,80}(\.[a-z0-9]{1,5})?$/;

/** Files under one directory, spread over sub-directories by the key's first two characters. */
export class LocalDiskFileStore extends FileStore {
  private readonly root: string;

  constructor(dir: string) {
    super();
    this.root = resolve(dir);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Written beside and renamed, so a reader never sees half a file.
    const tmp = `${path}.part`;
    await writeFile(tmp, data, { flag: 'wx' });
    await rename(tmp, path);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid file key ${JSON.stringify(key)}`);
    const path = join(this.root, key.slice(0, 2), key);
    if (!path.startsWith(this.root + sep)) throw new Error('file key escapes the store');
    return path;
  }
}

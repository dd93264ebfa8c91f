import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * A JSON file written so that a crash leaves either the old or the new content, never half of
 * one: temp file, fsync, rename. Readable by its owner only.
 */
export class AtomicJsonFile<T> {
  constructor(readonly path: string) {}

  /** The parsed content, or undefined when there is no file; throws on a corrupt one. */
  read(): T | undefined {
    if (!existsSync(this.path)) return undefined;
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as T;
    } catch (error) {
      // Refuse to start rather than silently replace someone's data.
      throw new Error(`Data file ${this.path} is not valid JSON: ${(error as Error).message}`);
    }
  }

  write(data: T): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    const fd = openSync(temp, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(data, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
  }
}

import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Whether a process with this id runs now (one of another user's counts: it answers EPERM). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false; // writes here are synchronous: none is under way now
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * A JSON file written so that a crash leaves either the old or the new content, never half of
 * one: temp file (`<file>.<pid>.tmp`), fsync, rename. Readable by its owner only.
 */
export class AtomicJsonFile<T> {
  constructor(readonly path: string) {}

  /**
   * The parsed content, or undefined when there is no file; throws on a corrupt one. First removes
   * the temp files that writers killed mid-write left: this file's own, of processes that are gone.
   */
  read(): T | undefined {
    this.removeStaleTempFiles();
    if (!existsSync(this.path)) return undefined;
    try {
      return JSON.parse(readFileSync(this.path, 'utf8')) as T;
    } catch (error) {
      // Refuse to start rather than silently replace someone's data.
      throw new Error(`Data file ${this.path} is not valid JSON: ${(error as Error).message}`);
    }
  }

  /** Writes serialized content; on failure the file keeps its old content and no temp file stays. */
  write(text: string): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${process.pid}.tmp`;
    try {
      const fd = openSync(temp, 'w', 0o600);
      try {
        writeSync(fd, text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temp, this.path);
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Not a file we made (something else sits at that path): leave it, report the write's error.
      }
      throw error;
    }
  }

  private removeStaleTempFiles(): void {
    const folder = dirname(this.path);
    if (!existsSync(folder)) return;
    const prefix = `${basename(this.path)}.`;
    for (const name of readdirSync(folder)) {
      const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? name.slice(prefix.length, -'.tmp'.length) : '';
      if (/^\d+$/.test(pid) && !isRunning(Number(pid))) rmSync(join(folder, name), { force: true });
    }
  }
}

import { AtomicJsonFile } from './atomic-json-file.js';

/**
 * Data kept in memory and, with a path, in a JSON file, changed only through `change()`: each change
 * is committed whole or not at all. It is serialized (so nothing that cannot be answered or
 * written back is ever kept) and written before it counts; if the change, the serialization or the
 * write throws, memory returns to the last commit and the file was never touched.
 */
export class JsonDocument<T> {
  #data: T;
  #committed: string;
  readonly #file?: AtomicJsonFile<T>;

  /** `check` validates what the file holds (throwing a message that names it) or supplies `empty`. */
  constructor(path: string | undefined, empty: () => T, check: (loaded: T) => T = (loaded) => loaded) {
    this.#file = path ? new AtomicJsonFile<T>(path) : undefined;
    const loaded = this.#file?.read();
    this.#data = loaded === undefined ? empty() : check(loaded);
    this.#committed = JSON.stringify(this.#data);
  }

  /** The current data, for reading; change it only inside `change()`. */
  get data(): T {
    return this.#data;
  }

  change<R>(apply: (data: T) => R): R {
    try {
      const result = apply(this.#data);
      const text = JSON.stringify(this.#data, null, this.#file ? 2 : undefined);
      this.#file?.write(text);
      this.#committed = text;
      return result;
    } catch (error) {
      this.#data = JSON.parse(this.#committed) as T;
      throw error;
    }
  }
}

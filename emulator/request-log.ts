export interface LoggedRequest {
  method: string;
  path: string;
  /** The user of the token the request carried, if any. Tokens themselves are never kept. */
  userId?: string;
}

/** The last client-API requests, so tests can count what a page really sent. */
export class RequestLog {
  private readonly entries: LoggedRequest[] = [];

  constructor(private readonly limit = 5000) {}

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  forUser(userId: string): LoggedRequest[] {
    return this.entries.filter((e) => e.userId === userId);
  }
}

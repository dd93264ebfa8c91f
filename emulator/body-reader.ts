import { ApiError } from './api-error.js';

/** Typed access to a JSON request body; every violation is a 400 `invalid_request` naming the field. */
export class BodyReader {
  private readonly fields: Record<string, unknown>;

  constructor(body: unknown) {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw ApiError.badRequest('The request body must be a JSON object.');
    }
    this.fields = body as Record<string, unknown>;
  }

  optionalString(name: string, maxLength = 255): string | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw ApiError.badRequest(`"${name}" must be a string.`);
    if (value.length > maxLength) throw ApiError.badRequest(`"${name}" is longer than ${maxLength} characters.`);
    return value;
  }

  string(name: string, maxLength = 255): string {
    const value = this.optionalString(name, maxLength);
    if (!value) throw ApiError.badRequest(`"${name}" is required.`);
    return value;
  }

  object<T>(name: string): T {
    const value = this.fields[name];
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw ApiError.badRequest(`"${name}" must be an object.`);
    }
    return value as T;
  }

  optionalObject(name: string): Record<string, unknown> | undefined {
    const value = this.fields[name];
    if (value === undefined || value === null) return undefined;
    return this.object(name);
  }

  raw(): Record<string, unknown> {
    return this.fields;
  }
}

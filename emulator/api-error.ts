/**
 * An error the emulator answers with. Every error leaves as JSON with `error`, `errorCode` and
 * `errorDescription`: the browser SDK only recognises an error by the `error` key, and
 * `@authsignal/node` only throws on a 4xx/5xx status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly description: string,
  ) {
    super(`${code}: ${description}`);
    this.name = 'ApiError';
  }

  toBody(): { error: string; errorCode: string; errorDescription: string } {
    return { error: this.code, errorCode: this.code, errorDescription: this.description };
  }

  static badRequest(description: string): ApiError {
    return new ApiError(400, 'invalid_request', description);
  }

  static unauthorized(
    description = 'The request is unauthorized. Check that your API key and region base URL are correctly configured.',
  ): ApiError {
    return new ApiError(401, 'unauthorized', description);
  }

  static notFound(description: string): ApiError {
    return new ApiError(404, 'not_found', description);
  }

  static invalidCredential(description: string): ApiError {
    return new ApiError(400, 'invalid_credential', description);
  }

  static invalidChallenge(description: string): ApiError {
    return new ApiError(400, 'invalid_challenge', description);
  }
}

import { executeServerCommand } from '@web/test-runner-commands';

export interface VirtualCredential {
  credentialId: string;
  isResidentCredential: boolean;
  rpId: string;
  userHandle?: string;
  signCount: number;
}

/** A CDP virtual authenticator on the test page (Chromium only). */
export const virtualAuthenticator = {
  async add(options: Record<string, unknown> = {}): Promise<string> {
    const { authenticatorId } = (await executeServerCommand('webauthn:add-authenticator', options)) as {
      authenticatorId: string;
    };
    return authenticatorId;
  },
  removeAll: () => executeServerCommand('webauthn:remove-all'),
  setUserVerified: (authenticatorId: string, isUserVerified: boolean) =>
    executeServerCommand('webauthn:set-user-verified', { authenticatorId, isUserVerified }),
  async credentials(authenticatorId: string): Promise<VirtualCredential[]> {
    const { credentials } = (await executeServerCommand('webauthn:get-credentials', { authenticatorId })) as {
      credentials: VirtualCredential[];
    };
    return credentials;
  },
};

import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { encodeCBOR } from '@levischuck/tiny-cbor';

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string): Buffer => createHash('sha256').update(data).digest();

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export interface CeremonyOverrides {
  origin?: string;
  rpId?: string;
  challenge?: string;
  userVerified?: boolean;
  /** Sign counter to report instead of the next one. */
  counter?: number;
  type?: string;
}

/**
 * A software WebAuthn authenticator for Node tests: an ES256 key, "none" attestation, and knobs
 * to produce every kind of wrong response (origin, rp id, challenge, UV flag, counter). It only
 * *produces* WebAuthn data with node:crypto; all verification is the emulator's.
 */
export class SoftAuthenticator {
  readonly credentialId = b64url(randomBytes(16));
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private counter = 0;
  userHandle?: string;
  /** The AAGUID it reports at registration (a UUID); all zeros, as many authenticators send, unless set. */
  aaguid = '00000000-0000-0000-0000-000000000000';

  constructor(
    private readonly rpId = 'localhost',
    /** The page origin the browser reports in client data. */
    public origin = 'http://localhost:5173',
  ) {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' }));
  }

  private cosePublicKey(): Uint8Array {
    const jwk = this.publicKey.export({ format: 'jwk' });
    return encodeCBOR(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]),
    );
  }

  private authenticatorData(o: CeremonyOverrides, attested: boolean, counter: number): Buffer {
    let flags = FLAG_UP | ((o.userVerified ?? true) ? FLAG_UV : 0);
    if (attested) flags |= FLAG_AT;
    const head = Buffer.alloc(37);
    sha256(o.rpId ?? this.rpId).copy(head, 0);
    head[32] = flags;
    head.writeUInt32BE(counter, 33);
    if (!attested) return head;
    const id = Buffer.from(this.credentialId, 'base64url');
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(id.length);
    return Buffer.concat([head, Buffer.from(this.aaguid.replace(/-/g, ''), 'hex'), idLength, id, this.cosePublicKey()]);
  }

  private clientData(type: string, challenge: string, o: CeremonyOverrides): Buffer {
    return Buffer.from(
      JSON.stringify({
        type: o.type ?? type,
        challenge: o.challenge ?? challenge,
        origin: o.origin ?? this.origin,
        crossOrigin: false,
      }),
    );
  }

  /** The PublicKeyCredential JSON wrapper both ceremonies return. */
  private credential<R>(response: R) {
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key' as const,
      response,
      clientExtensionResults: {},
      authenticatorAttachment: 'platform' as const,
    };
  }

  /** navigator.credentials.create() for the given options, as RegistrationResponseJSON. */
  register(options: { challenge: string; user: { id: string } }, o: CeremonyOverrides = {}) {
    this.userHandle = options.user.id;
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, o);
    const attestationObject = encodeCBOR(
      new Map<string, string | Uint8Array | Map<string, string>>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', this.authenticatorData(o, true, this.counter)],
      ]),
    );
    return this.credential({
      clientDataJSON: b64url(clientDataJSON),
      attestationObject: b64url(attestationObject),
      transports: ['internal' as const],
    });
  }

  /** navigator.credentials.get() for the given options, as AuthenticationResponseJSON. */
  authenticate(options: { challenge: string }, o: CeremonyOverrides = {}) {
    const counter = o.counter ?? ++this.counter;
    const authenticatorData = this.authenticatorData(o, false, counter);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, o);
    const signature = sign('sha256', Buffer.concat([authenticatorData, sha256(clientDataJSON)]), this.privateKey);
    return this.credential({
      clientDataJSON: b64url(clientDataJSON),
      authenticatorData: b64url(authenticatorData),
      signature: b64url(signature),
      ...(this.userHandle ? { userHandle: this.userHandle } : {}),
    });
  }
}

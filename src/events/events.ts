export * from './passkey-enroll-start.js';
export * from './passkey-enroll-success.js';
export * from './passkey-enroll-cancel.js';
export * from './passkey-enroll-error.js';

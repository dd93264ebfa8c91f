export * from './passkey-enroll-start.js';
export * from './passkey-enroll-success.js';
export * from './passkey-enroll-cancel.js';
export * from './passkey-enroll-error.js';
export * from './step-up-challenge-start.js';
export * from './step-up-challenge-success.js';
export * from './step-up-challenge-cancel.js';
export * from './step-up-challenge-error.js';

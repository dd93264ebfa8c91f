import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Japanese. Loaded on demand; `registerTranslation('ja', …)` replaces it.
const unsupported =
  'パスキーを使うには、安全な (https) ページで WebAuthn に対応したブラウザーが必要です。別のブラウザーまたはデバイスでお試しください。';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'このページではパスキーが正しく設定されていません。',
  'already-registered': 'このデバイスには、お使いのアカウントのパスキーがすでにあります。',
  'expired-token': 'セッションの有効期限が切れました。もう一度お試しください。',
  network: 'サーバーに接続できませんでした。接続を確認して、もう一度お試しください。',
  'rate-limited': '試行回数が多すぎます。1 分ほど待ってから、もう一度お試しください。',
  server: 'こちら側で問題が発生しました。もう一度お試しください。',
  unknown: '問題が発生しました。もう一度お試しください。',
  'no-passkey': 'このデバイスには、お使いのアカウントのパスキーがありません。',
};
const working = 'デバイスの応答を待っています…';
const retry = 'もう一度試す';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'パスキーを作成',
    working,
    success: 'パスキーを作成しました。',
    cancelled: 'パスキーの作成はキャンセルされました。もう一度お試しいただけます。',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'ご本人確認',
    button: 'パスキーで確認',
    working,
    success: '確認しました。',
    cancelled: '確認はキャンセルされました。もう一度お試しいただけます。',
    unsupported,
    retry,
    close: 'キャンセル',
    errors,
  },
  passkeySignIn: {
    button: 'パスキーでサインイン',
    working,
    success: 'サインインしました。',
    cancelled: 'パスキーは使用されませんでした。もう一度お試しいただくか、別の方法でサインインしてください。',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'サインインに時間がかかりすぎました。もう一度お試しください。',
      'no-passkey': 'このパスキーは登録されていません。別の方法でサインインしてください。',
    },
  },
};
export default translation;

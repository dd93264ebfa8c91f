import type { StepUpMethodStrings } from '../../internal/strings.js';

// Japanese: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: '別の方法を使う',
  chooseMethod: '本人確認の方法を選択してください',
  back: '戻る',
  methodPasskey: 'パスキー',
  methodEmail: 'メールでコードを受け取る',
  methodSms: 'SMS でコードを受け取る',
  methodApp: '認証アプリ',
  sendEmail: 'メールでコードを送信',
  sendSms: 'SMS でコードを送信',
  sentEmail: 'メールでコードを送信しました。',
  sentSms: 'SMS でコードを送信しました。',
  codeLabelEmail: 'メールに記載のコード',
  codeLabelSms: 'SMS に記載のコード',
  codeLabelApp: '認証アプリのコード',
  verify: '確認',
  resend: '新しいコードを送信',
  resendIn: '{seconds} 秒後に新しいコードを送信できます',
  sending: 'コードを送信しています…',
  verifying: 'コードを確認しています…',
  errors: {
    'no-method': 'このページでは本人確認の方法がありません。サポートにお問い合わせください。',
    'invalid-code': 'コードが正しくないか、有効期限が切れています。もう一度お試しください。',
    'too-many-attempts': '誤ったコードの入力が多すぎます。別の方法を使うか、しばらくしてからお試しください。',
  },
};
export default strings;

import type { StepUpMethodStrings } from '../../internal/strings.js';

// Simplified Chinese: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: '使用其他方式',
  chooseMethod: '选择确认身份的方式',
  back: '返回',
  methodPasskey: '通行密钥',
  methodEmail: '电子邮件验证码',
  methodSms: '短信验证码',
  methodApp: '身份验证器应用',
  sendEmail: '通过电子邮件发送验证码',
  sendSms: '通过短信发送验证码',
  sentEmail: '我们已通过电子邮件向你发送验证码。',
  sentSms: '我们已通过短信向你发送验证码。',
  codeLabelEmail: '电子邮件中的验证码',
  codeLabelSms: '短信中的验证码',
  codeLabelApp: '身份验证器应用中的验证码',
  verify: '验证',
  resend: '发送新验证码',
  resendIn: '{seconds} 秒后可发送新验证码',
  sending: '正在发送验证码…',
  verifying: '正在检查验证码…',
  errors: {
    'no-method': '此页面无法确认你的身份。请联系客服。',
    'invalid-code': '验证码错误或已过期。请重试。',
    'too-many-attempts': '错误的验证码次数过多。请使用其他方式，或稍后再试。',
  },
};
export default strings;

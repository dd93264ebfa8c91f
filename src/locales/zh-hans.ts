import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Simplified Chinese. Loaded on demand; `registerTranslation('zh-Hans', …)` replaces it.
const unsupported = '通行密钥需要在安全（https）页面上使用支持 WebAuthn 的浏览器。请尝试其他浏览器或设备。';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: '此页面上的通行密钥设置不正确。',
  'already-registered': '此设备上已有您账户的通行密钥。',
  'expired-token': '您的会话已过期，请重试。',
  network: '无法连接到服务器。请检查网络连接后重试。',
  'rate-limited': '尝试次数过多。请等待一分钟后重试。',
  server: '我们这边出了问题，请重试。',
  unknown: '出了点问题，请重试。',
  'no-passkey': '此设备上没有您账户的通行密钥。',
};
const working = '正在等待您的设备…';
const retry = '重试';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: '创建通行密钥',
    working,
    success: '通行密钥已创建。',
    cancelled: '已取消创建通行密钥。您可以重试。',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: '确认是您本人',
    button: '使用通行密钥确认',
    working,
    success: '已确认。',
    cancelled: '已取消确认。您可以重试。',
    unsupported,
    retry,
    close: '取消',
    errors,
  },
  passkeySignIn: {
    button: '使用通行密钥登录',
    working,
    success: '已登录。',
    cancelled: '未使用通行密钥。你可以重试，或用其他方式登录。',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': '登录耗时过长，请重试。',
      'no-passkey': '此通行密钥未在我们这里注册。请用其他方式登录。',
    },
  },
};
export default translation;

import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Arabic. Loaded on demand; `registerTranslation('ar', …)` replaces it.
const unsupported = 'تتطلّب مفاتيح المرور متصفحًا يدعم WebAuthn على صفحة آمنة (https). جرّب متصفحًا أو جهازًا آخر.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'مفاتيح المرور غير مُعدّة بشكل صحيح في هذه الصفحة.',
  'already-registered': 'يوجد على هذا الجهاز مفتاح مرور لحسابك بالفعل.',
  'expired-token': 'انتهت صلاحية جلستك. يُرجى المحاولة مرة أخرى.',
  network: 'تعذّر الوصول إلى الخادم. تحقّق من اتصالك وحاول مرة أخرى.',
  'rate-limited': 'محاولات كثيرة جدًا. يُرجى الانتظار دقيقة ثم المحاولة مرة أخرى.',
  server: 'حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى.',
  unknown: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
  'no-passkey': 'لا يوجد مفتاح مرور لحسابك على هذا الجهاز.',
};
const working = 'في انتظار جهازك…';
const retry = 'حاول مرة أخرى';

const translation: PasskeyTranslation = {
  dir: 'rtl',
  passkeyEnroll: {
    button: 'إنشاء مفتاح مرور',
    working,
    success: 'تم إنشاء مفتاح المرور.',
    cancelled: 'تم إلغاء إنشاء مفتاح المرور. يمكنك المحاولة مرة أخرى.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'أكّد هويتك',
    button: 'التأكيد بمفتاح المرور',
    working,
    success: 'تم التأكيد.',
    cancelled: 'تم إلغاء التأكيد. يمكنك المحاولة مرة أخرى.',
    unsupported,
    retry,
    close: 'إلغاء',
    errors,
  },
  passkeySignIn: {
    button: 'تسجيل الدخول بمفتاح مرور',
    working,
    success: 'تم تسجيل الدخول.',
    cancelled: 'لم يُستخدم أي مفتاح مرور. يمكنك المحاولة مرة أخرى، أو تسجيل الدخول بطريقة أخرى.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'استغرق تسجيل الدخول وقتًا طويلًا. يُرجى المحاولة مرة أخرى.',
      'no-passkey': 'مفتاح المرور هذا غير مسجَّل لدينا. سجِّل الدخول بطريقة أخرى.',
    },
  },
};
export default translation;

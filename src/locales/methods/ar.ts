import type { StepUpMethodStrings } from '../../internal/strings.js';

// Arabic: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'استخدم طريقة أخرى',
  chooseMethod: 'اختر طريقة لتأكيد هويتك',
  back: 'رجوع',
  methodPasskey: 'مفتاح المرور',
  methodEmail: 'رمز عبر البريد الإلكتروني',
  methodSms: 'رمز عبر رسالة نصية',
  methodApp: 'تطبيق المصادقة',
  sendEmail: 'أرسل لي رمزًا بالبريد الإلكتروني',
  sendSms: 'أرسل لي رمزًا برسالة نصية',
  sentEmail: 'أرسلنا إليك رمزًا بالبريد الإلكتروني.',
  sentSms: 'أرسلنا إليك رمزًا برسالة نصية.',
  codeLabelEmail: 'الرمز من البريد الإلكتروني',
  codeLabelSms: 'الرمز من الرسالة النصية',
  codeLabelApp: 'الرمز من تطبيق المصادقة',
  verify: 'تحقّق',
  resend: 'أرسل رمزًا جديدًا',
  resendIn: 'أرسل رمزًا جديدًا بعد {seconds} ث',
  sending: 'جارٍ إرسال رمز…',
  verifying: 'جارٍ التحقق من الرمز…',
  errors: {
    'no-method': 'لا توجد طريقة لتأكيد هويتك في هذه الصفحة. يُرجى التواصل مع الدعم.',
    'invalid-code': 'هذا الرمز غير صحيح أو انتهت صلاحيته. يُرجى المحاولة مرة أخرى.',
    'too-many-attempts': 'رموز خاطئة كثيرة جدًا. استخدم طريقة أخرى أو حاول لاحقًا.',
  },
};
export default strings;

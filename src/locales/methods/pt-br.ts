import type { StepUpMethodStrings } from '../../internal/strings.js';

// Brazilian Portuguese: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Usar outro método',
  chooseMethod: 'Escolha como confirmar que é você',
  back: 'Voltar',
  methodPasskey: 'Chave de acesso',
  methodEmail: 'Código por e-mail',
  methodSms: 'Código por SMS',
  methodApp: 'App autenticador',
  sendEmail: 'Enviar um código por e-mail',
  sendSms: 'Enviar um código por SMS',
  sentEmail: 'Enviamos um código para o seu e-mail.',
  sentSms: 'Enviamos um código por SMS.',
  codeLabelEmail: 'Código do e-mail',
  codeLabelSms: 'Código do SMS',
  codeLabelApp: 'Código do seu app autenticador',
  verify: 'Verificar',
  resend: 'Enviar um novo código',
  resendIn: 'Enviar um novo código em {seconds} s',
  sending: 'Enviando um código…',
  verifying: 'Verificando o código…',
  errors: {
    'no-method': 'Não há como confirmar que é você nesta página. Entre em contato com o suporte.',
    'invalid-code': 'Esse código está incorreto ou expirou. Tente novamente.',
    'too-many-attempts': 'Muitos códigos incorretos. Use outro método ou tente mais tarde.',
  },
};
export default strings;

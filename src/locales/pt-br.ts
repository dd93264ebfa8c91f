import type { PasskeyErrorCode } from '../internal/error-codes.js';
import type { PasskeyTranslation } from '../internal/strings.js';

// Brazilian Portuguese. Loaded on demand; `registerTranslation('pt-BR', …)` replaces it.
const unsupported =
  'Chaves de acesso exigem um navegador com WebAuthn em uma página segura (https). Tente outro navegador ou dispositivo.';
const errors: Record<PasskeyErrorCode, string> = {
  unsupported,
  configuration: 'As chaves de acesso não estão configuradas corretamente nesta página.',
  'already-registered': 'Este dispositivo já tem uma chave de acesso para sua conta.',
  'expired-token': 'Sua sessão expirou. Tente novamente.',
  network: 'Não foi possível acessar o servidor. Verifique sua conexão e tente novamente.',
  'rate-limited': 'Muitas tentativas. Aguarde um minuto e tente novamente.',
  server: 'Algo deu errado do nosso lado. Tente novamente.',
  unknown: 'Algo deu errado. Tente novamente.',
  'no-passkey': 'Não há chave de acesso da sua conta neste dispositivo.',
};
const working = 'Aguardando seu dispositivo…';
const retry = 'Tentar novamente';

const translation: PasskeyTranslation = {
  dir: 'ltr',
  passkeyEnroll: {
    button: 'Criar uma chave de acesso',
    working,
    success: 'Chave de acesso criada.',
    cancelled: 'A criação da chave de acesso foi cancelada. Você pode tentar novamente.',
    unsupported,
    retry,
    errors,
  },
  stepUpChallenge: {
    title: 'Confirme que é você',
    button: 'Confirmar com chave de acesso',
    working,
    success: 'Confirmado.',
    cancelled: 'A confirmação foi cancelada. Você pode tentar novamente.',
    unsupported,
    retry,
    close: 'Cancelar',
    errors,
  },
  passkeySignIn: {
    button: 'Entrar com uma chave de acesso',
    working,
    success: 'Você entrou.',
    cancelled: 'Nenhuma chave de acesso foi usada. Você pode tentar de novo ou entrar de outra forma.',
    unsupported,
    retry,
    errors: {
      ...errors,
      'expired-token': 'A entrada demorou demais. Tente de novo.',
      'no-passkey': 'Esta chave de acesso não está registrada conosco. Entre de outra forma.',
    },
  },
};
export default translation;

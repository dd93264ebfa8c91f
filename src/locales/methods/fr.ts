import type { StepUpMethodStrings } from '../../internal/strings.js';

// French: the step-up's other methods. Loaded with them, on demand; a registered translation's
// `stepUpMethods` replaces it.
const strings: StepUpMethodStrings = {
  otherMethods: 'Utiliser une autre méthode',
  chooseMethod: 'Choisissez comment confirmer votre identité',
  back: 'Retour',
  methodPasskey: 'Clé d’accès',
  methodEmail: 'Code par e-mail',
  methodSms: 'Code par SMS',
  methodApp: 'Application d’authentification',
  sendEmail: 'M’envoyer un code par e-mail',
  sendSms: 'M’envoyer un code par SMS',
  sentEmail: 'Nous vous avons envoyé un code par e-mail.',
  sentSms: 'Nous vous avons envoyé un code par SMS.',
  codeLabelEmail: 'Code reçu par e-mail',
  codeLabelSms: 'Code reçu par SMS',
  codeLabelApp: 'Code de votre application d’authentification',
  verify: 'Vérifier',
  resend: 'Envoyer un nouveau code',
  resendIn: 'Envoyer un nouveau code dans {seconds} s',
  sending: 'Envoi d’un code…',
  verifying: 'Vérification du code…',
  errors: {
    'no-method':
      'Aucune méthode ne permet de confirmer votre identité sur cette page. Veuillez contacter l’assistance.',
    'invalid-code': 'Ce code est incorrect ou a expiré. Veuillez réessayer.',
    'too-many-attempts': 'Trop de codes incorrects. Utilisez une autre méthode ou réessayez plus tard.',
  },
};
export default strings;

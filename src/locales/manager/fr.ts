import type { PasskeyManagerStrings } from '../../internal/strings.js';
import base from '../fr.js';
import methods from '../methods/fr.js';

const manager: PasskeyManagerStrings = {
  listLabel: 'Vos moyens de confirmer que c’est vous',
  loading: 'Chargement…',
  empty: 'Rien pour l’instant.',
  passkey: 'Clé d’accès',
  methodEmail: 'Codes par e-mail',
  methodSms: 'Codes par SMS',
  methodApp: 'Application d’authentification',
  added: 'Ajoutée le {date}',
  lastUsed: 'utilisée le {date}',
  thisDevice: 'Sur cet appareil',
  addPasskey: 'Ajouter une clé d’accès',
  addEmail: 'Ajouter une adresse e-mail',
  addSms: 'Ajouter un téléphone',
  addApp: 'Configurer une application d’authentification',
  remove: 'Supprimer',
  removeLabel: 'Supprimer {name}',
  confirmRemove: 'Supprimer {name} ? Il ne permettra plus de confirmer que c’est vous.',
  confirmRemoveButton: 'Supprimer',
  cancel: 'Annuler',
  cancelled: 'Aucune clé d’accès n’a été créée. Vous pouvez réessayer.',
  lastOne: 'C’est votre seul moyen de confirmer que c’est vous : ajoutez-en un autre avant de le supprimer.',
  stepUpAdd: 'D’abord, confirmez que c’est vous avec un moyen que vous avez déjà.',
  stepUpRemove: 'Confirmez que c’est vous pour supprimer {name}.',
  emailLabel: 'Adresse e-mail',
  phoneLabel: 'Numéro de téléphone, avec l’indicatif du pays (+33…)',
  sendCode: 'Envoyer un code',
  codeLabel: 'Le code que nous avons envoyé',
  codeLabelApp: 'Code de votre application d’authentification',
  verify: 'Vérifier',
  resend: methods.resend,
  appScan:
    'Scannez ce code QR avec votre application d’authentification, ou saisissez-y la clé. Puis entrez le code affiché.',
  qrLabel: 'Code QR pour votre application d’authentification',
  appKey: 'Clé',
  working: 'Un instant…',
  changeAdded: '{name} ajouté.',
  changeRemoved: '{name} supprimé.',
  errors: {
    ...base.passkeyEnroll.errors,
    ...methods.errors,
    'invalid-contact': 'Nous ne pouvons pas envoyer de code à cette adresse ou à ce numéro. Vérifiez-les.',
    'last-authenticator':
      'C’est votre seul moyen de confirmer que c’est vous : ajoutez-en un autre avant de le supprimer.',
    'change-in-progress': 'Une autre modification est en cours. Terminez-la, puis réessayez.',
    'change-refused': 'La modification n’a pas été confirmée. Rien n’a changé : veuillez réessayer.',
  },
};
export default manager;

import type { ShareError } from '../../device/club-access';
import type { MessageKey } from '../../i18n/i18n-context';

/** What the user reads about a refused request: the relay's reason in words, never its code. */
export function shareErrorMessage(error: ShareError): MessageKey {
  if (error.type === 'network') return 'share.errorNetwork';
  switch (error.error) {
    case 'registrationCodeRequired':
      return 'share.errorCode';
    case 'alreadyRegisteredWithOtherKeys':
      return 'share.errorTaken';
    case 'keyRevoked':
      return 'share.errorRevoked';
    case 'unauthorized':
      return 'share.errorUnauthorized';
    case 'tooManyAttempts':
      return 'share.errorBusy';
    case 'tabletRevoked':
      return 'tablets.cutOff';
    default:
      return 'share.errorRelay';
  }
}

import type { MemberId } from '@chungtay/model';
import type { ClubSession } from '../../data/club/club-session';
import { type TabletSigner, tabletSigner } from '../../device/signing-key';
import type { I18n } from '../../i18n/i18n-context';
import { showToast } from '../../ui/toast/toast';

/**
 * This tablet's signer, its key registered in the club doc under the person using it, so every tablet can
 * check what it signs (an approval of minutes or a report, a reopening, a redaction). Null, with a message, when it cannot be.
 */
export async function registeredSigner(
  club: Pick<ClubSession, 'commands'>,
  i18n: I18n,
  by: MemberId,
  /** What the screen says when the club doc refuses the key for another reason than it being taken. */
  refusedKey: 'minutes.approvedError' | 'report.approveFailed' = 'minutes.approvedError',
): Promise<TabletSigner | null> {
  const { t } = i18n;
  try {
    const signer = await tabletSigner();
    const registered = club.commands.registerTabletKey({
      tablet: signer.tablet,
      publicKey: signer.publicKey,
      person: by,
    });
    if (registered.ok) return signer;
    showToast(t(registered.error.type === 'keyTaken' ? 'signatures.keyTaken' : refusedKey), 'error');
  } catch (error) {
    showToast(t('signatures.signFailed', { reason: String(error) }), 'error');
  }
  return null;
}
